import mongoose, { Schema } from 'mongoose';

// One document per account (`email|…`) and per client address (`ip|…`), holding its current
// window; _id is the key, so every count is an _id update. `failures` includes attempts still
// being checked.
export type LoginThrottle = { _id: string; failures: number; windowEndsAt: Date };

const loginThrottleSchema = new Schema<LoginThrottle>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, default: 0 },
    windowEndsAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export const LoginThrottleModel = mongoose.model<LoginThrottle>('LoginThrottle', loginThrottleSchema);
