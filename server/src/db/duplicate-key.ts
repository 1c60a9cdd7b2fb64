import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * A unique-index violation: the signal every "only once" in Callboard rests on. MongoDB and
 * FerretDB answer an insert with code 11000; FerretDB 1.24 answers an update that breaks a unique
 * index with a generic error naming SQLite's UNIQUE constraint instead.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | null;
  return e?.code === 11000 || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/**
 * An ObjectId derived from a key ("call:<id>:already-paid"): an effect that inserts its record
 * under it happens once, because a repeat collides on _id — the one index both servers enforce
 * atomically and FerretDB looks up without a scan.
 */
export function derivedObjectId(key: string): mongoose.Types.ObjectId {
  return new mongoose.Types.ObjectId(createHash('sha256').update(key).digest().subarray(0, 12));
}

/** Inserts once: a duplicate _id means an earlier attempt already did it. */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
