import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { letterKinds, letterStatuses } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { actorSchema } from '../../db/actor.js';

/** The outbox: one document per letter, whatever its fate. */
const letterSchema = new Schema(
  {
    orderId: { type: Schema.Types.ObjectId, ref: 'Order', default: null },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', default: null },
    kind: { type: String, enum: letterKinds, required: true },
    to: { type: String, default: '' },
    cc: { type: [String], default: [] },
    subject: { type: String, required: true },
    html: { type: String, default: '' },
    text: { type: String, default: '' },
    status: { type: String, enum: letterStatuses, required: true },
    attempts: { type: Number, default: 0 },
    /** When the sweep should next look at it (a retry, or a stale `sending` claim). */
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    messageId: { type: String, default: null },
    /** The boot (lib/boot-id.ts) whose sweep set it `sending`: another boot's is an interrupted send. */
    claimBoot: { type: String, default: null },
    callId: { type: Schema.Types.ObjectId, default: null },
    /** "Only once" for a letter (`review:<orderId>`, a call's letter); a random key otherwise. */
    dedupeKey: { type: String, required: true, unique: true },
    actor: { type: actorSchema, required: true },
  },
  { timestamps: { currentTime: () => clock.now() } },
);

letterSchema.index({ orderId: 1, createdAt: -1 });
letterSchema.index({ status: 1, nextAttemptAt: 1 });
letterSchema.index({ createdAt: -1 });
// The reports: letters one user queued in a date range.
letterSchema.index({ 'actor.id': 1, createdAt: -1 });

export type LetterDoc = InferSchemaType<typeof letterSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const letterMirror = new MemoryMirror<LetterDoc>(letterSchema, { groupBy: ['orderId'], omit: ['html', 'text'] });
export const LetterModel = mongoose.model('Letter', letterSchema);

/**
 * One document per delivery attempt, `_id` = `<letterId>:<attempt>`, inserted before the SMTP
 * call: the unique `_id` is what stops two sweeps (or a job Agenda runs twice) from sending the
 * same attempt, on FerretDB as on MongoDB. It names the boot that claimed it, and records the
 * SMTP server's acceptance first thing, so an interrupted attempt is resent only when that
 * acceptance was never recorded.
 */
const letterDeliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    letterId: { type: Schema.Types.ObjectId, required: true },
    attempt: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
    bootId: { type: String, default: null },
    confirmedAt: { type: Date, default: null },
    messageId: { type: String, default: null },
  },
  { versionKey: false },
);

export type LetterDeliveryDoc = {
  _id: string;
  claimedAt: Date;
  bootId: string | null;
  confirmedAt: Date | null;
  messageId: string | null;
};
export const LetterDeliveryModel = mongoose.model('LetterDelivery', letterDeliverySchema);
