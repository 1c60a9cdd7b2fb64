import type { CallOutcome } from '@callboard/shared';
import type { MessageKey } from '../../i18n/i18n';

/** Button order, hot key and label of each outcome; the keys are shown on the buttons. */
export const outcomeButtons: {
  outcome: CallOutcome;
  key: string;
  label: MessageKey;
  color: 'success' | 'warning' | 'info' | 'secondary' | 'error' | 'inherit';
}[] = [
  { outcome: 'completed', key: '1', label: 'outcome.completed', color: 'success' },
  { outcome: 'not_reached', key: '2', label: 'outcome.not_reached', color: 'warning' },
  { outcome: 'callback', key: '3', label: 'outcome.callback', color: 'info' },
  { outcome: 'already_paid', key: '4', label: 'outcome.already_paid', color: 'secondary' },
  { outcome: 'cancelled', key: '5', label: 'outcome.cancelled', color: 'error' },
  { outcome: 'invalid_contact', key: '6', label: 'outcome.invalid_contact', color: 'inherit' },
];

/** True when a key press belongs to a text field or editor rather than to the workbench. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
