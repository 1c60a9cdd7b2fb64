import { reachedOutcomes, type CallOutcome } from '@callboard/shared';
import { groupSum } from '../../db/group-sum.js';
import { CallModel } from './call.model.js';

/** Calls made in [from, to), by everyone or by one user. */
export type CallRange = { from: Date; to: Date; byId?: string };

/** A user's sums over a range, from which the reports module derives its rates and averages. */
export type CallSums = {
  outcomes: Partial<Record<CallOutcome, number>>;
  /** Calls that carry a talk time, and the seconds they add up to. */
  timedCalls: number;
  talkSeconds: number;
  /** Over the reaching calls: the not-reached calls on the same item right before each. */
  notReachedBeforeReached: number;
  /** Orders' first calls, and the seconds from each order's creation to it. */
  firstCalls: number;
  firstCallSeconds: number;
  /** Completed calls whose order became paid within 7 days after. */
  paidWithin7Days: number;
};

export const emptyCallSums = (): CallSums => ({
  outcomes: {},
  timedCalls: 0,
  talkSeconds: 0,
  notReachedBeforeReached: 0,
  firstCalls: 0,
  firstCallSeconds: 0,
  paidWithin7Days: 0,
});

const rangeMatch = ({ from, to, byId }: CallRange) => ({
  at: { $gte: from, $lt: to },
  ...(byId ? { 'by.id': byId } : {}),
});

type Sum = Exclude<keyof CallSums, 'outcomes'>;

/** Each user's calls over the range by outcome: all the live floor needs. */
export async function callOutcomesByUser(range: CallRange): Promise<Map<string, Partial<Record<CallOutcome, number>>>> {
  const rows = await groupSum<{ by: string | null; outcome: CallOutcome }>(
    CallModel as never,
    rangeMatch(range),
    { by: '$by.id', outcome: '$outcome' },
    1,
  );
  const byUser = new Map<string, Partial<Record<CallOutcome, number>>>();
  for (const { key, value } of rows) byUser.set(key.by ?? '', { ...byUser.get(key.by ?? ''), [key.outcome]: value });
  return byUser;
}

/**
 * Each user's call sums over the range, by their id, from a few aggregations over the indexed
 * call time (one sum each: see db/group-sum.ts); only per-user rows reach Node.
 */
export async function callSumsByUser(range: CallRange): Promise<Map<string, CallSums>> {
  const match = rangeMatch(range);
  const timed = { ...match, talkSeconds: { $ne: null } };
  const first = { ...match, firstCallAfterSeconds: { $ne: null } };
  const perUser = (field: Sum, filter: Record<string, unknown>, sum: 1 | `$${string}`) =>
    groupSum<string | null>(CallModel as never, filter, '$by.id', sum).then((rows) => ({ field, rows }));
  const [outcomes, ...sums] = await Promise.all([
    callOutcomesByUser(range),
    perUser('timedCalls', timed, 1),
    perUser('talkSeconds', timed, '$talkSeconds'),
    perUser('notReachedBeforeReached', { ...match, outcome: { $in: reachedOutcomes } }, '$notReachedBefore'),
    perUser('firstCalls', first, 1),
    perUser('firstCallSeconds', first, '$firstCallAfterSeconds'),
    perUser('paidWithin7Days', { ...match, outcome: 'completed', paidWithin7Days: true }, 1),
  ]);
  const byUser = new Map<string, CallSums>();
  const of = (id: string | null) => {
    const key = id ?? '';
    let sums = byUser.get(key);
    if (!sums) byUser.set(key, (sums = emptyCallSums()));
    return sums;
  };
  for (const [id, counts] of outcomes) of(id).outcomes = counts;
  for (const { field, rows } of sums) for (const { key, value } of rows) of(key)[field] = value;
  return byUser;
}

/** Calls per UTC hour and outcome over the range (the reports module shifts hours into its zone). */
export async function callsByUtcHour(range: CallRange): Promise<{ hour: Date; outcome: CallOutcome; calls: number }[]> {
  const rows = await groupSum<{ hour: Date | null; outcome: CallOutcome }>(
    CallModel as never,
    rangeMatch(range),
    { hour: '$atHour', outcome: '$outcome' },
    1,
  );
  return rows.flatMap(({ key, value }) =>
    key.hour ? [{ hour: new Date(key.hour), outcome: key.outcome, calls: value }] : [],
  );
}
