import { callOutcomes, isReached, type OutcomeCounts, type SummaryFigures } from '@callboard/shared';
import { emptyCallSums, type CallSums } from '../calls/index.js';

export type LetterCounts = { sent: number; failed: number };

const ratio = (part: number, whole: number, decimals: number) =>
  whole > 0 ? Number((part / whole).toFixed(decimals)) : null;

/** Calls and reached calls in a user's (or the team's) outcome counts. */
export function callsAndReached(outcomes: Partial<OutcomeCounts>): { calls: number; reached: number } {
  let calls = 0;
  let reached = 0;
  for (const outcome of callOutcomes) {
    const n = outcomes[outcome] ?? 0;
    calls += n;
    if (isReached(outcome)) reached += n;
  }
  return { calls, reached };
}

/** A summary row from the sums the calls and letters modules counted (docs/api-additions.md defines each). */
export function summaryFigures(sums: CallSums, letters: LetterCounts): SummaryFigures {
  const { calls, reached } = callsAndReached(sums.outcomes);
  const outcomes = Object.fromEntries(callOutcomes.map((o) => [o, sums.outcomes[o] ?? 0])) as OutcomeCounts;
  return {
    calls,
    reached,
    contactRate: ratio(reached, calls, 4) ?? 0,
    outcomes,
    talkSeconds: sums.talkSeconds,
    avgTalkSeconds: ratio(sums.talkSeconds, sums.timedCalls, 0),
    // Each reaching call took the not-reached calls right before it, plus itself.
    avgAttemptsToReach: ratio(sums.notReachedBeforeReached + reached, reached, 2),
    speedToFirstCallSeconds: ratio(sums.firstCallSeconds, sums.firstCalls, 0),
    paidWithin7Days: sums.paidWithin7Days,
    lettersSent: letters.sent,
    lettersFailed: letters.failed,
  };
}

/** Everyone's sums added up: the team row. */
export function addSums(all: Iterable<CallSums>): CallSums {
  const total = emptyCallSums();
  for (const sums of all) {
    for (const outcome of callOutcomes)
      if (sums.outcomes[outcome]) total.outcomes[outcome] = (total.outcomes[outcome] ?? 0) + sums.outcomes[outcome];
    total.timedCalls += sums.timedCalls;
    total.talkSeconds += sums.talkSeconds;
    total.notReachedBeforeReached += sums.notReachedBeforeReached;
    total.firstCalls += sums.firstCalls;
    total.firstCallSeconds += sums.firstCallSeconds;
    total.paidWithin7Days += sums.paidWithin7Days;
  }
  return total;
}

export function addLetters(all: Iterable<LetterCounts>): LetterCounts {
  const total = { sent: 0, failed: 0 };
  for (const l of all) {
    total.sent += l.sent;
    total.failed += l.failed;
  }
  return total;
}
