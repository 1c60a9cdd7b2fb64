import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { clock } from '../../lib/clock.js';
import { actorSchema } from '../../db/actor.js';
import { orderStatuses, paymentMethods, paymentStatuses } from '@callboard/shared';
import { callStateSchema } from '../call-state/index.js';

const itemSchema = new Schema(
  {
    name: { type: String, required: true },
    sku: { type: String, default: null },
    quantity: { type: Number, required: true },
    unitPriceMinor: { type: Number, required: true },
  },
  { _id: false },
);

const paymentSchema = new Schema({
  at: { type: Date, required: true },
  kind: { type: String, enum: ['payment', 'advance', 'refund'], required: true },
  method: { type: String, enum: paymentMethods, required: true },
  system: { type: String, default: null },
  transactionId: { type: String, default: null },
  attempts: { type: Number, default: 1 },
  amountMinor: { type: Number, required: true },
  comment: { type: String, default: null },
  by: { type: actorSchema, required: true },
});

const orderSchema = new Schema(
  {
    number: { type: Number, required: true, unique: true },
    status: { type: String, enum: orderStatuses, default: 'pending', required: true },
    paymentStatus: { type: String, enum: paymentStatuses, default: 'unpaid', required: true },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    items: { type: [itemSchema], required: true },
    currency: { type: String, required: true },
    discountMinor: { type: Number, default: 0 },
    totalMinor: { type: Number, required: true },
    paidMinor: { type: Number, default: 0 },
    advancesMinor: { type: Number, default: 0 },
    incomeMinor: { type: Number, default: 0 },
    expensesMinor: { type: Number, default: 0 },
    payments: { type: [paymentSchema], default: [] },
    paymentMethod: { type: String, enum: [...paymentMethods, null], default: null },
    tags: { type: [String], default: [] },
    funnel: { type: String, default: null },
    stage: { type: String, default: null },
    delivery: {
      method: { type: String, default: null },
      address: { type: String, default: null },
      trackingNumber: { type: String, default: null },
      /** YYYY-MM-DD: a calendar date, not an instant. */
      expectedDate: { type: String, default: null },
    },
    autoCancelAt: { type: Date, default: null },
    ip: { type: String, default: null },
    /** A website order's e-mail and phone its client did not have (the client keeps them as pending contacts). */
    contact: {
      email: { type: String, default: null },
      phone: { type: String, default: null },
    },
    source: { type: String, default: null },
    channel: { type: String, default: null },
    /** Set by an `already_paid` call: an admin should check the payment. */
    paymentCheck: { type: Boolean, default: false },
    completedAt: { type: Date, default: null },
    /** The order's place in the call queue. */
    call: { type: callStateSchema, default: () => ({}) },
    createdBy: { type: actorSchema, required: true },
  },
  { timestamps: { currentTime: () => clock.now() } },
);

// The order list, newest first (`_id` breaks ties) and its count, filtered by status, manager, tag,
// stage or client: the statuses' few values are merged in order (docs/architecture.md, "Indexes").
orderSchema.index({ createdAt: -1, _id: -1 });
orderSchema.index({ status: 1, createdAt: -1, _id: -1 });
orderSchema.index({ managerId: 1, status: 1, createdAt: -1, _id: -1 });
orderSchema.index({ tags: 1, status: 1, createdAt: -1, _id: -1 });
orderSchema.index({ stage: 1, status: 1, createdAt: -1, _id: -1 });
orderSchema.index({ clientId: 1, createdAt: -1, _id: -1 });
// "Payments to check": the orders an already-paid call flagged.
orderSchema.index({ paymentCheck: 1, createdAt: -1, _id: -1 });
// The call queue: what is due among the callable statuses, longest waiting first.
orderSchema.index({ status: 1, 'call.nextCallAt': 1, _id: 1 });
// The "needs a contact" list, one index per branch of its $or: waiting for a contact, or closed by an invalid one.
orderSchema.index({ 'call.awaitingContact': 1, 'call.state': 1, status: 1, createdAt: -1, _id: -1 });
orderSchema.index({ 'call.lastOutcome': 1, 'call.state': 1, status: 1, createdAt: -1, _id: -1 });
// Sweeps: automatic cancellation (open statuses, oldest deadline first) and review requests.
orderSchema.index({ status: 1, autoCancelAt: 1 });
orderSchema.index({ status: 1, completedAt: 1 });

export type OrderDoc = InferSchemaType<typeof orderSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const orderMirror = new MemoryMirror<OrderDoc>(orderSchema, {
  groupBy: ['clientId', 'number', 'status'],
  keepSorted: [
    { createdAt: -1, _id: -1 },
    { 'call.nextCallAt': 1, _id: 1 },
  ],
});
export const OrderModel = mongoose.model('Order', orderSchema);

// Order numbers: a counter hands out the next number; the unique index on Order.number is what
// guarantees no two orders share one, even where the counter's $inc is not atomic.
const counterSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, default: 0 } },
  { versionKey: false },
);
export const CounterModel = mongoose.model('Counter', counterSchema);
