import mongoose, { Schema } from 'mongoose';

// One document per (e-mail, IP) window; _id is the key so the $inc is an _id update.
const loginThrottleSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: Number, default: 0 },
    windowEndsAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export const LoginThrottleModel = mongoose.model('LoginThrottle', loginThrottleSchema);
