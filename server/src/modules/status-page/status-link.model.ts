import mongoose, { Schema } from 'mongoose';
import { actorSchema } from '../../db/actor.js';

/**
 * An order's customer link, one per order (_id = the order's id): the SHA-256 of its token, never
 * the token, and the random nonce the token is derived from with the server's secret (so staff and
 * letters can show the same link again, while the database alone cannot rebuild it).
 */
const statusLinkSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    tokenHash: { type: String, required: true },
    nonce: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: actorSchema, required: true },
  },
  { versionKey: false },
);

export type StatusLinkDoc = {
  _id: mongoose.Types.ObjectId;
  tokenHash: string;
  nonce: string;
  createdAt: Date;
};
export const StatusLinkModel = mongoose.model('StatusLink', statusLinkSchema, 'statuslinks');

/**
 * The customer's look-up, keyed by the token's hash so that it is an _id read (the one look-up
 * FerretDB does without a scan). The order's own link document stays the truth: a key left behind
 * by an interrupted replace or revoke no longer matches it and answers 404.
 */
const statusLinkKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    orderId: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);

export type StatusLinkKeyDoc = { _id: string; orderId: mongoose.Types.ObjectId };
export const StatusLinkKeyModel = mongoose.model('StatusLinkKey', statusLinkKeySchema, 'statuslinkkeys');
