import type { CallOutcome, CallState } from '../orders/call.schema.js';

const hour = 60 * 60 * 1000;

/** The part of an order's (or call task's) call state the re-call rules read and write. */
export type CallStateSnapshot = {
  state: CallState;
  nextCallAt: Date | null;
  notReachedStreak: number;
  attempts: number;
  lastOutcome: CallOutcome | null;
  lastCallAt: Date | null;
};

export type NextCallInput = {
  previous: Pick<CallStateSnapshot, 'attempts' | 'lastOutcome' | 'notReachedStreak'>;
  outcome: CallOutcome;
  /** When the call was made: the re-call delays count from here, not from the due time. */
  at: Date;
  callbackAt?: Date | null;
  /** Consecutive not-reached calls after which the item leaves the queue; null when off. */
  attemptCap?: number | null;
};

export type NextCall = CallStateSnapshot & { capReached: boolean };

/**
 * The re-call rules of PRODUCT.md in one place, used by the server to schedule and by the call
 * dialog to say what saving will do. Delays are real elapsed time on the instant
 * line: "24 hours" is 24 hours even across a daylight-saving change.
 */
export function computeNextCall(input: NextCallInput): NextCall {
  const { previous, outcome, at } = input;
  const attempts = previous.attempts + 1;
  const base = { attempts, lastOutcome: outcome, lastCallAt: at, capReached: false };
  const closed = (streak: number): NextCall => ({
    ...base,
    state: 'closed',
    nextCallAt: null,
    notReachedStreak: streak,
  });
  const scheduled = (when: Date, streak: number): NextCall => ({
    ...base,
    state: when.getTime() <= at.getTime() ? 'due' : 'scheduled',
    nextCallAt: when,
    notReachedStreak: streak,
  });

  switch (outcome) {
    case 'not_reached': {
      const streak = previous.lastOutcome === 'not_reached' ? previous.notReachedStreak + 1 : 1;
      if (input.attemptCap && streak >= input.attemptCap) return { ...closed(streak), capReached: true };
      const delay = previous.lastOutcome === 'not_reached' ? 24 * hour : hour;
      return scheduled(new Date(at.getTime() + delay), streak);
    }
    case 'callback':
      if (!input.callbackAt) throw new Error('computeNextCall: a callback needs callbackAt');
      return scheduled(input.callbackAt, 0);
    case 'completed':
      return input.callbackAt ? scheduled(input.callbackAt, 0) : closed(0);
    case 'already_paid':
    case 'cancelled':
    case 'invalid_contact':
      return closed(0);
  }
}
