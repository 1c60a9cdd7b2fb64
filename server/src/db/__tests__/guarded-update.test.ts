import { describe, expect, it } from '@jest/globals';
import mongoose, { Schema } from 'mongoose';
import { useTestApp } from '../../test/test-app.js';
import { updateByIdIf } from '../guarded-update.js';

useTestApp();

const Seat = mongoose.model('GuardedSeat', new Schema({ taken: { type: Number, default: 0 } }, { versionKey: false }));
const underLimit = (limit: number) => ({
  filter: { taken: { $lt: limit } },
  holds: (doc: { taken: number }) => doc.taken < limit,
  fields: 'taken',
});

describe('updateByIdIf', () => {
  it('applies a guarded update atomically: 20 simultaneous takers of 5 seats, 5 succeed', async () => {
    const { _id } = await Seat.create({});
    const results = await Promise.all(
      Array.from({ length: 20 }, () => updateByIdIf(Seat, String(_id), underLimit(5), { $inc: { taken: 1 } })),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect((await Seat.findById(_id).lean())?.taken).toBe(5);
  });

  it('answers false for a missing document and keeps going after a failed update', async () => {
    expect(await updateByIdIf(Seat, String(new mongoose.Types.ObjectId()), underLimit(1), { $inc: { taken: 1 } })).toBe(
      false,
    );
    const { _id } = await Seat.create({});
    await expect(updateByIdIf(Seat, String(_id), underLimit(3), { $bogus: { taken: 1 } })).rejects.toThrow();
    expect(await updateByIdIf(Seat, String(_id), underLimit(3), { $inc: { taken: 1 } })).toBe(true);
  });
});
