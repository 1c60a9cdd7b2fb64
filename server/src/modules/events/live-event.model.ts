import mongoose, { Schema } from 'mongoose';

// What one process tells the others' live streams: a record per event, read back by a short poll on
// `at`, deleted after an hour.
const liveEventSchema = new Schema(
  {
    at: { type: Date, required: true },
    /** The boot id of the process that raised it, which skips its own records. */
    origin: { type: String, required: true },
    name: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);
liveEventSchema.index({ at: 1 });

export const LiveEventModel = mongoose.model('LiveEvent', liveEventSchema, 'liveevents');
