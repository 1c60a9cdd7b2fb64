import mongoose, { Schema } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';

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

export type SessionDoc = { _id: string; data: string; userId: string | null; expiresAt: Date };
// Every request reads its session: the embedded mode answers from memory (db/memory-mirror.ts).
export const sessionMirror = new MemoryMirror<SessionDoc>(sessionSchema);
export const SessionModel = mongoose.model('Session', sessionSchema);
