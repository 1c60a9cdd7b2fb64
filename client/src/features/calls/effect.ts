import { DateTime } from 'luxon';
import { computeNextCall, type CallInfo, type CallOutcome, type Settings } from '@callboard/shared';
import type { MessageKey, Vars } from '../../i18n/i18n';

export type EffectInput = {
  outcome: CallOutcome;
  call: Pick<CallInfo, 'attempts' | 'lastOutcome' | 'notReachedStreak'>;
  now: DateTime;
  callbackAt: DateTime | null;
  attemptCap: Settings['attemptCap'] | null;
  phone: string | null;
};

/** A sentence and its values; the caller formats `when` in the UI locale. */
export type Effect = { key: MessageKey; vars?: Vars; when?: DateTime };

/** The one-line "what saving will do": the server's own re-call rule applied to the order's call state. */
export function describeEffect(input: EffectInput): Effect {
  const { outcome, call, now } = input;
  switch (outcome) {
    case 'not_reached': {
      const next = computeNextCall({
        previous: call,
        outcome,
        at: now.toJSDate(),
        attemptCap: input.attemptCap?.enabled ? input.attemptCap.maxNotReached : null,
      });
      const streak = next.notReachedStreak;
      if (next.capReached && input.attemptCap) {
        return { key: 'effect.notReachedCap', vars: { streak, status: input.attemptCap.status } };
      }
      const when = DateTime.fromJSDate(next.nextCallAt as Date, { zone: now.zone }).setLocale(now.locale ?? 'en');
      return { key: streak > 1 ? 'effect.notReachedAgain' : 'effect.notReachedFirst', vars: { streak }, when };
    }
    case 'callback':
      return input.callbackAt ? { key: 'effect.callback', when: input.callbackAt } : { key: 'effect.callbackPick' };
    case 'completed':
      return input.callbackAt
        ? { key: 'effect.completedCallback', when: input.callbackAt }
        : { key: 'effect.completed' };
    case 'already_paid':
      return { key: 'effect.alreadyPaid' };
    case 'cancelled':
      return { key: 'effect.cancelled' };
    case 'invalid_contact':
      return { key: 'effect.invalidContact', vars: { phone: input.phone ?? '—' } };
  }
}
