import mongoose, { Schema } from 'mongoose';

/**
 * A manager's hold on one queue item. `_id` is the item key (`order:<id>` or `task:<id>`), so
 * two simultaneous claims of one item cannot both insert: the unique `_id` decides, on FerretDB
 * as on MongoDB, with no read-then-write.
 */
const queueClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    userName: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

queueClaimSchema.index({ expiresAt: 1 });
queueClaimSchema.index({ userId: 1 });

export type QueueClaimDoc = { _id: string; userId: string; userName: string; claimedAt: Date; expiresAt: Date };
export const QueueClaimModel = mongoose.model('QueueClaim', queueClaimSchema);
