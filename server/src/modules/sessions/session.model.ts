import mongoose, { Schema } from 'mongoose';

// _id is the session id, so every session read is an _id look-up (fast on FerretDB too).
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    data: { type: String, required: true },
    userId: { type: String, default: null, index: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export const SessionModel = mongoose.model('Session', sessionSchema);
