/**
 * A unique-index violation: the signal every "only once" in Callboard rests on. MongoDB and
 * FerretDB answer an insert with code 11000; FerretDB 1.24 answers an update that breaks a unique
 * index with a generic error naming SQLite's UNIQUE constraint instead.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | null;
  return e?.code === 11000 || /UNIQUE constraint failed/.test(e?.message ?? '');
}
