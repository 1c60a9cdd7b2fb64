import { DateTime } from 'luxon';
import type { CallInfo, CallOutcome, Settings } from '@callboard/shared';
import type { MessageKey, Vars } from '../../i18n/i18n';

export type EffectInput = {
  outcome: CallOutcome;
  call: Pick<CallInfo, 'lastOutcome' | 'notReachedStreak'>;
  now: DateTime;
  callbackAt: DateTime | null;
  attemptCap: Settings['attemptCap'] | null;
  phone: string | null;
};

/** A sentence and its values; the caller formats `when` in the UI locale. */
export type Effect = { key: MessageKey; vars?: Vars; when?: DateTime };

const HOUR = { hours: 1 };
const DAY = { hours: 24 };

/**
 * The one-line "what saving will do", from the order's call state and PRODUCT.md's re-call rules
 * (1 hour after a first not-reached call, 24 hours after each later one in a row).
 */
export function describeEffect(input: EffectInput): Effect {
  const { outcome, call, now } = input;
  switch (outcome) {
    case 'not_reached': {
      const again = call.lastOutcome === 'not_reached';
      const streak = again ? call.notReachedStreak + 1 : 1;
      if (input.attemptCap?.enabled && streak >= input.attemptCap.maxNotReached) {
        return { key: 'effect.notReachedCap', vars: { streak, status: input.attemptCap.status } };
      }
      const when = now.plus(again ? DAY : HOUR);
      return { key: again ? 'effect.notReachedAgain' : 'effect.notReachedFirst', vars: { streak }, when };
    }
    case 'callback':
      return input.callbackAt ? { key: 'effect.callback', when: input.callbackAt } : { key: 'effect.callbackPick' };
    case 'completed':
      return input.callbackAt ? { key: 'effect.completedCallback', when: input.callbackAt } : { key: 'effect.completed' };
    case 'already_paid':
      return { key: 'effect.alreadyPaid' };
    case 'cancelled':
      return { key: 'effect.cancelled' };
    case 'invalid_contact':
      return { key: 'effect.invalidContact', vars: { phone: input.phone ?? '—' } };
  }
}
