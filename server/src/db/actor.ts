import { Schema } from 'mongoose';
import type { Actor } from '@callboard/shared';

/** Who did something, as every record stores it: a person, the scheduler, the shop website or the customer. */
export const actorSchema = new Schema(
  {
    type: { type: String, enum: ['user', 'scheduler', 'intake', 'customer'], required: true },
    id: { type: String, default: null },
    name: { type: String, required: true },
  },
  { _id: false },
);

export function toActor(a: { type: string; id?: string | null; name: string }): Actor {
  return { type: a.type as Actor['type'], id: a.id ?? null, name: a.name };
}

/** What the recurring sweeps (auto-cancel, review requests) act as. */
export const schedulerActor: Actor = { type: 'scheduler', id: null, name: 'Scheduler' };
