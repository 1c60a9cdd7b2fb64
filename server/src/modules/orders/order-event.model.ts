import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { actorSchema } from '../../db/actor.js';

export const orderEventTypes = ['status', 'system'] as const;
export type OrderEventType = (typeof orderEventTypes)[number];

/** An order's own history: status changes and meaningful edits (who changed what, when). */
const orderEventSchema = new Schema({
  orderId: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
  type: { type: String, enum: orderEventTypes, required: true },
  at: { type: Date, required: true },
  by: { type: actorSchema, required: true },
  text: { type: String, default: null },
  data: { type: Schema.Types.Mixed, default: {} },
});

orderEventSchema.index({ orderId: 1, at: -1 });

export type OrderEventDoc = InferSchemaType<typeof orderEventSchema> & { _id: mongoose.Types.ObjectId };
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const orderEventMirror = new MemoryMirror<OrderEventDoc>(orderEventSchema, { groupBy: ['orderId'] });
export const OrderEventModel = mongoose.model('OrderEvent', orderEventSchema);
