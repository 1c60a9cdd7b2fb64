import { groupSum } from '../../db/group-sum.js';
import { LetterModel } from './letter.model.js';

/**
 * Letters queued in [from, to) by staff (everyone, or one user), counted by who queued them and
 * how their delivery stands now: `sent`, `failed`, or still on its way.
 */
export async function letterCountsByUser(range: {
  from: Date;
  to: Date;
  byId?: string;
}): Promise<Map<string, { sent: number; failed: number }>> {
  const rows = await groupSum<{ by: string | null; status: string }>(
    LetterModel as never,
    {
      createdAt: { $gte: range.from, $lt: range.to },
      'actor.type': 'user',
      ...(range.byId ? { 'actor.id': range.byId } : {}),
    },
    { by: '$actor.id', status: '$status' },
    1,
  );
  const out = new Map<string, { sent: number; failed: number }>();
  for (const { key, value } of rows) {
    if (!key.by || (key.status !== 'sent' && key.status !== 'failed')) continue;
    const counts = out.get(key.by) ?? { sent: 0, failed: 0 };
    counts[key.status] += value;
    out.set(key.by, counts);
  }
  return out;
}
