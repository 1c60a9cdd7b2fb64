import { useT, type MessageKey } from '../../../i18n/i18n';
import type { Purpose } from '../template-purpose';

/** "Default for the outcome “Not reached”", "Default for the status “Reserved”", or "No default". */
export function usePurposeLabel() {
  const t = useT();
  return (purpose: Purpose) => {
    if (!purpose) return t('templates.purpose.none');
    const [kind, value] = purpose.split(':') as ['outcome' | 'status' | 'event', string];
    const name = t(
      (kind === 'outcome'
        ? `outcome.${value}`
        : kind === 'status'
          ? `status.${value}`
          : `templates.event.${value}`) as MessageKey,
    );
    return t(`templates.purpose.${kind}` as MessageKey, { name });
  };
}
