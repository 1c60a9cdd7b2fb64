import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Snackbar, Stack } from '@mui/material';
import type { Order } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useSendPaymentReminderMutation } from '../../orders';
import { useGetSettingsQuery } from '../../settings';
import { fillPaymentLink } from '@callboard/shared';
import { PaymentCheck } from './PaymentCheck';

/**
 * Not in the card's own code: the dialog validates with the shared zod schemas, which nothing else
 * on the card needs. The card fetches it once it has painted, so it opens at once when asked.
 */
const loadAddPaymentDialog = () => import('./AddPaymentDialog');
const AddPaymentDialog = lazy(async () => ({ default: (await loadAddPaymentDialog()).AddPaymentDialog }));

/** The order header's payment actions: record a payment, copy the payment link, remind the customer. */
export function PaymentsPanel({ order }: { order: Order }) {
  const t = useT();
  const { data: settings } = useGetSettingsQuery();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [sendReminder, reminder] = useSendPaymentReminderMutation();
  const link = settings ? fillPaymentLink(settings.paymentLinkPattern, order) : null;
  const settled = order.paymentStatus === 'paid' || order.paymentStatus === 'refunded';
  useEffect(() => void loadAddPaymentDialog(), []);

  async function copyLink() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setNotice(t('payments.linkCopied'));
    } catch {
      // Without clipboard permission the link is still shown, to copy by hand.
      setNotice(link);
    }
  }

  async function remind() {
    const result = await sendReminder(order.id);
    if (!('error' in result)) setNotice(t('payments.reminderQueued'));
  }

  return (
    <Stack spacing={0.5} sx={{ mt: 1 }}>
      <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" onClick={() => setAdding(true)} data-testid="add-payment">
          {t('payments.add')}
        </Button>
        <Button size="small" onClick={copyLink} disabled={!link} title={link ?? t('payments.noLink')}>
          {t('payments.copyLink')}
        </Button>
        <Button size="small" onClick={remind} disabled={settled} loading={reminder.isLoading}>
          {t('payments.remind')}
        </Button>
      </Stack>
      {reminder.error ? <ApiErrorAlert error={reminder.error} onClose={reminder.reset} /> : null}
      <PaymentCheck order={order} />
      {adding ? (
        <Suspense fallback={null}>
          <AddPaymentDialog order={order} onClose={() => setAdding(false)} />
        </Suspense>
      ) : null}
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}
