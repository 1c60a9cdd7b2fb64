import type { Model } from 'mongoose';
import { onOneConnection } from './connection.js';

/** A condition on one document, as a filter for the server and as a test of the document read. */
export type Guard<D> = { filter: Record<string, unknown>; holds: (doc: D) => boolean; fields: string };

const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier holder of `key` in this process has finished. */
async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(fn);
  const settled = run.catch(() => {});
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}

/**
 * Updates the document with this _id only while `guard` holds, atomically; true if it did.
 * On MongoDB the guard is part of the filter (the _id index finds the document, the server checks
 * the rest). FerretDB scans the whole collection for any filter beyond _id, so in the embedded mode
 * — one process, one connection — the guard is checked on the document read by _id, under a lock
 * on that document in this process, and the write filters on _id alone.
 */
export async function updateByIdIf<D, T>(
  model: Model<T>,
  id: string,
  guard: Guard<D>,
  update: Record<string, unknown>,
): Promise<boolean> {
  if (!onOneConnection()) {
    const res = await model.updateOne({ _id: id, ...guard.filter } as never, update as never);
    return res.matchedCount === 1;
  }
  return withLock(`${model.modelName}:${id}`, async () => {
    const doc = await model.findById(id, guard.fields).lean<D>();
    if (!doc || !guard.holds(doc)) return false;
    await model.updateOne({ _id: id } as never, update as never);
    return true;
  });
}
