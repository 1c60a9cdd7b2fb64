import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { callOutcomes, callStates, followUpKinds } from '@callboard/shared';
import { actorSchema } from '../../db/actor.js';

const followUpPriceSchema = new Schema(
  {
    items: [
      new Schema(
        {
          name: { type: String, required: true },
          sku: { type: String, default: null },
          quantity: { type: Number, required: true },
          unitPriceMinor: { type: Number, required: true },
        },
        { _id: false },
      ),
    ],
    discountMinor: { type: Number, default: 0 },
  },
  { _id: false },
);

/**
 * One call, written once and never changed except to link what its effects produced (the
 * letter, the follow-up order) and to mark the effects done. The unique `idempotencyKey` is the
 * claim that makes a retried or doubled request record one call.
 */
const callSchema = new Schema(
  {
    kind: { type: String, enum: ['order', 'task'], required: true },
    orderId: { type: Schema.Types.ObjectId, ref: 'Order', default: null },
    taskId: { type: Schema.Types.ObjectId, ref: 'Task', default: null },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    outcome: { type: String, enum: callOutcomes, required: true },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
    by: { type: actorSchema, required: true },
    phone: { type: String, default: null },
    callbackAt: { type: Date, default: null },
    personal: { type: Boolean, default: false },
    followUp: { type: String, enum: [...followUpKinds, null], default: null },
    followUpOrderId: { type: Schema.Types.ObjectId, ref: 'Order', default: null },
    /** The follow-up's items and discount as the call gave them, in minor units; null: a copy of the original's. */
    followUpPrice: { type: followUpPriceSchema, default: null },
    attachmentIds: { type: [Schema.Types.ObjectId], default: [] },
    letter: { subject: String, html: String },
    copyToManager: { type: Boolean, default: false },
    letterId: { type: String, default: null },
    /** `<userId>:<Idempotency-Key>`, or a random key when the header is absent. */
    idempotencyKey: { type: String, required: true, unique: true },
    /** A digest of the request, so the same key with another body is refused. */
    requestHash: { type: String, required: true },
    result: {
      state: { type: String, enum: callStates, required: true },
      nextCallAt: { type: Date, default: null },
      notReachedStreak: { type: Number, required: true },
      attempts: { type: Number, required: true },
      capReached: { type: Boolean, default: false },
    },
    effectsDoneAt: { type: Date, default: null },
    // What the reports count (call-stats.ts).
    talkSeconds: { type: Number, default: null },
    atHour: { type: Date, default: null },
    notReachedBefore: { type: Number, default: 0 },
    firstCallAfterSeconds: { type: Number, default: null },
    /** Set when the order became paid within 7 days after this completed call (call-payments.ts). */
    paidWithin7Days: { type: Boolean, default: false },
  },
  { versionKey: false },
);

callSchema.index({ orderId: 1, at: -1 });
callSchema.index({ taskId: 1, at: -1 });
callSchema.index({ clientId: 1, kind: 1, at: -1 });
// Reports and the calls export: a date range, for everyone or one manager.
callSchema.index({ at: 1 });
callSchema.index({ 'by.id': 1, at: 1 });

export type CallDoc = InferSchemaType<typeof callSchema> & { _id: mongoose.Types.ObjectId };
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const callMirror = new MemoryMirror<CallDoc>(callSchema, { groupBy: ['orderId', 'taskId'] });
export const CallModel = mongoose.model('Call', callSchema);

/**
 * A call whose effects are not all applied yet, `_id` = the call's: written before the call and
 * removed once its effects are done. The unfinished-calls sweep reads this small collection
 * rather than filter the calls, which FerretDB would scan whole every run.
 */
const pendingCallEffectsSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    since: { type: Date, required: true },
  },
  { versionKey: false },
);

pendingCallEffectsSchema.index({ since: 1 });

export const PendingCallEffectsModel = mongoose.model('PendingCallEffects', pendingCallEffectsSchema);
