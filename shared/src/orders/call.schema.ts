export const callOutcomes = [
  'completed',
  'not_reached',
  'callback',
  'already_paid',
  'cancelled',
  'invalid_contact',
] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const callStates = ['due', 'scheduled', 'closed'] as const;
export type CallState = (typeof callStates)[number];

/** The order's (or call task's) place in the call queue, as API.md gives it. */
export type CallInfo = {
  state: CallState;
  nextCallAt: string | null;
  notReachedStreak: number;
  attempts: number;
  lastOutcome: CallOutcome | null;
  lastCallAt: string | null;
};
