import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { actorSchema } from '../../db/actor.js';

/** Staff-only notes about a client, shown on every order of that client. */
const clientNoteSchema = new Schema({
  clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
  text: { type: String, required: true },
  at: { type: Date, required: true },
  by: { type: actorSchema, required: true },
  /** A deleted note is kept, hidden from the client, so the audit log can say what was removed. */
  deletedAt: { type: Date, default: null },
  deletedBy: { type: actorSchema, default: null },
});

clientNoteSchema.index({ clientId: 1, deletedAt: 1, at: -1 });

export type ClientNoteDoc = InferSchemaType<typeof clientNoteSchema> & { _id: mongoose.Types.ObjectId };
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const clientNoteMirror = new MemoryMirror<ClientNoteDoc>(clientNoteSchema, { groupBy: ['clientId'] });
export const ClientNoteModel = mongoose.model('ClientNote', clientNoteSchema);
