import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { noteVisibilities } from '@callboard/shared';
import { actorSchema } from '../../db/actor.js';

/** Notes on an order: private to staff, or public (shown on the customer's order status page). */
const orderNoteSchema = new Schema({
  orderId: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
  text: { type: String, required: true },
  visibility: { type: String, enum: noteVisibilities, required: true },
  at: { type: Date, required: true },
  by: { type: actorSchema, required: true },
});

orderNoteSchema.index({ orderId: 1, at: -1 });

export type OrderNoteDoc = InferSchemaType<typeof orderNoteSchema> & { _id: mongoose.Types.ObjectId };
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const orderNoteMirror = new MemoryMirror<OrderNoteDoc>(orderNoteSchema, { groupBy: ['orderId'] });
export const OrderNoteModel = mongoose.model('OrderNote', orderNoteSchema);
