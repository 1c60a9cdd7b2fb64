import mongoose, { Schema, type InferSchemaType } from 'mongoose';
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
export const OrderEventModel = mongoose.model('OrderEvent', orderEventSchema);
