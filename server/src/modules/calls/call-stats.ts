import type { CallStateSnapshot } from '@callboard/shared';

const hourMs = 60 * 60 * 1000;

/** What the reports count, fixed on the call when it is recorded. */
export type CallStats = {
  talkSeconds: number | null;
  /** The UTC hour the call began in: the calls-by-hour chart groups by it. */
  atHour: Date;
  /** Not-reached calls on the same order or task right before this one. */
  notReachedBefore: number;
  /** On an order's first call: seconds from the order's creation to this call. */
  firstCallAfterSeconds: number | null;
};

/**
 * The report figures a call carries. FerretDB's aggregation has no date operators and no
 * conditional expressions, so what a report groups or sums by is stored with the call rather
 * than derived in the pipeline; each depends only on the call and its item as they were then.
 */
export function callStats(input: {
  at: Date;
  previous: Pick<CallStateSnapshot, 'attempts' | 'lastOutcome' | 'notReachedStreak'>;
  /** The order's creation, for a call on an order (not on a task). */
  orderCreatedAt: Date | null;
  talkSeconds?: number | null;
}): CallStats {
  const { at, previous, orderCreatedAt } = input;
  return {
    talkSeconds: input.talkSeconds ?? null,
    atHour: new Date(Math.floor(at.getTime() / hourMs) * hourMs),
    notReachedBefore: previous.lastOutcome === 'not_reached' ? previous.notReachedStreak : 0,
    firstCallAfterSeconds:
      orderCreatedAt && previous.attempts === 0
        ? Math.max(0, Math.round((at.getTime() - orderCreatedAt.getTime()) / 1000))
        : null,
  };
}
