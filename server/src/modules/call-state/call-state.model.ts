import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { callOutcomes, callStates } from '@callboard/shared';

/**
 * An item's place in the call queue, embedded as `call` in orders and call tasks alike.
 * `nextCallAt` with `state` drives the queue; the rest explains why the item is due and feeds the
 * re-call rules.
 */
export const callStateSchema = new Schema(
  {
    state: { type: String, enum: callStates, default: 'due' },
    nextCallAt: { type: Date, default: null },
    notReachedStreak: { type: Number, default: 0 },
    attempts: { type: Number, default: 0 },
    lastOutcome: { type: String, enum: [...callOutcomes, null], default: null },
    lastCallAt: { type: Date, default: null },
    /** A personal callback: only this manager may claim it until personalUntil. */
    personalFor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    personalUntil: { type: Date, default: null },
    /**
     * Closed because the client has no callable phone (its last one was marked invalid, or it never
     * had one): out of the queue until a number is fixed. A call recorded on the item clears it.
     */
    awaitingContact: { type: Boolean, default: false },
    /** The call whose effect this state is: a retried call does not apply twice. */
    lastCallId: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

export type CallStateDoc = InferSchemaType<typeof callStateSchema>;

/** A document that embeds a call state (an order, a call task). */
export type WithCallState = { _id: mongoose.Types.ObjectId; call?: CallStateDoc | null };
