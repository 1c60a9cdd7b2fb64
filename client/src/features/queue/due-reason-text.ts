import type { QueueReason } from '@callboard/shared';
import type { Translate } from '../../i18n/i18n';
import type { Formatters } from '../../i18n/format';

/** Why an item is due, in the language on screen (the workbench's banner, the supervisor's floor). */
export function dueReasonText(
  item: { why: QueueReason; dueAt: string; taskTitle: string | null },
  t: Translate,
  fmt: Formatters,
): string {
  const { why } = item;
  const last = why.lastCallAt ? fmt.time(why.lastCallAt) : '';
  switch (why.kind) {
    case 'new':
      return t('reason.new');
    case 'not_reached':
      return t(why.streak > 1 ? 'reason.notReachedMany' : 'reason.notReachedOnce', { streak: why.streak, last });
    case 'callback':
      return t('reason.callback', { when: fmt.time(item.dueAt) });
    case 'phone_fixed':
      return t('reason.phoneFixed', { last });
    default:
      return t('reason.task', { title: item.taskTitle ?? '' });
  }
}
