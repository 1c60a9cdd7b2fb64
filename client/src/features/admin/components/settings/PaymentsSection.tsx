import { TextField } from '@mui/material';
import { useT } from '../../../../i18n/i18n';
import { Section } from './Section';
import type { SectionProps } from './settings-draft';

/** The bank account and the payment-link pattern the payment letters use. */
export function PaymentsSection({ draft, set, field }: SectionProps) {
  const t = useT();
  return (
    <Section title={t('settings.section.payments')}>
      <TextField
        label={t('settings.bankAccount')}
        value={draft.bankAccount}
        onChange={(e) => set({ bankAccount: e.target.value })}
        {...field(['bankAccount'], 'settings.bankAccount.effect', 'settings.bankAccount.invalid')}
      />
      <TextField
        label={t('settings.paymentLinkPattern')}
        value={draft.paymentLinkPattern}
        onChange={(e) => set({ paymentLinkPattern: e.target.value })}
        {...field(['paymentLinkPattern'], 'settings.paymentLinkPattern.effect', 'settings.paymentLinkPattern.invalid')}
      />
    </Section>
  );
}
