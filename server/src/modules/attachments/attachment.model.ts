import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { actorSchema } from '../../db/actor.js';

const attachmentSchema = new Schema(
  {
    orderId: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    /** Set once the recording is attached to a call. */
    callId: { type: Schema.Types.ObjectId, ref: 'Call', default: null },
    uploadedBy: { type: actorSchema, required: true },
    /** A server-chosen random name inside UPLOAD_DIR: nothing of the user's file name reaches the disk. */
    storedName: { type: String, required: true, unique: true },
    originalName: { type: String, required: true },
    mimeType: { type: String, required: true },
    size: { type: Number, required: true },
  },
  { timestamps: true },
);

attachmentSchema.index({ orderId: 1, callId: 1, createdAt: -1 });
attachmentSchema.index({ callId: 1 });

export type AttachmentDoc = InferSchemaType<typeof attachmentSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const attachmentMirror = new MemoryMirror<AttachmentDoc>(attachmentSchema, { groupBy: ['orderId', 'callId'] });
export const AttachmentModel = mongoose.model('Attachment', attachmentSchema);
