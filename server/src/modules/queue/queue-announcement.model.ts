import mongoose, { Schema } from 'mongoose';

/**
 * One announcement of one item falling due: `_id` is `<item key>@<due time in ms>`, so however
 * many sweeps (or scheduler processes) see the same due time, only one insert wins and the
 * open workbenches hear of it once. A reschedule is a new due time, hence a new key.
 */
const queueAnnouncementSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
queueAnnouncementSchema.index({ at: 1 });

export type QueueAnnouncementDoc = { _id: string; at: Date };
export const QueueAnnouncementModel = mongoose.model('QueueAnnouncement', queueAnnouncementSchema);

/** How far the resurfacing sweep has looked: the next run reads due times after this. */
const queueSweepSchema = new Schema(
  {
    _id: { type: String, required: true },
    until: { type: Date, required: true },
  },
  { versionKey: false },
);

export const QueueSweepModel = mongoose.model('QueueSweep', queueSweepSchema);
