import type { Model } from 'mongoose';

export type GroupSum<K> = { key: K; value: number };

/**
 * One figure per group: `$match` then `$group` with a single `$sum` (of 1 to count, or of a field).
 * One accumulator per pipeline because FerretDB 1.24 feeds the documents only to a group's first
 * accumulator (the others come out 0: FerretDB issue #4616); it also lacks `$avg`, `$cond` and the
 * date operators, so averages are divided and hours bucketed by the caller, from these few rows.
 * `key` maps output names to field paths (`{ by: '$by.id' }`), or is one path.
 */
export async function groupSum<K>(
  model: Model<never>,
  match: Record<string, unknown>,
  key: Record<string, string> | string,
  sum: 1 | `$${string}`,
): Promise<GroupSum<K>[]> {
  const rows = await model
    .aggregate<{ _id: K; value: number }>([{ $match: match }, { $group: { _id: key, value: { $sum: sum } } }])
    .exec();
  return rows.map((row) => ({ key: row._id, value: Number(row.value) || 0 }));
}
