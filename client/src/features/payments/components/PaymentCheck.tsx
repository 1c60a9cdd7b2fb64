import { useState } from 'react';
import { Alert, Button, Stack } from '@mui/material';
import type { Order } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useReopenPaymentCheckMutation } from '../api/payments-api';
import { ConfirmPaymentDialog } from './ConfirmPaymentDialog';

/**
 * An order a call flagged "already paid": everyone sees the flag; an admin settles it here, by
 * confirming the payment or sending the order back to the call queue.
 */
export function PaymentCheck({ order }: { order: Order }) {
  const t = useT();
  const { data: me } = useGetMeQuery();
  const [confirming, setConfirming] = useState(false);
  const [reopen, reopening] = useReopenPaymentCheckMutation();
  if (!order.paymentCheck) return null;
  const admin = me?.role === 'admin';
  return (
    <Stack spacing={0.5} sx={{ mt: 1 }}>
      <Alert
        severity="warning"
        data-testid="payment-check"
        action={
          admin ? (
            <Stack direction="row" spacing={0.5}>
              <Button
                size="small"
                color="inherit"
                onClick={() => setConfirming(true)}
                data-testid="payment-check-confirm"
              >
                {t('paymentCheck.confirm')}
              </Button>
              <Button
                size="small"
                color="inherit"
                loading={reopening.isLoading}
                onClick={() => void reopen(order.id)}
                data-testid="payment-check-reopen"
              >
                {t('paymentCheck.reopen')}
              </Button>
            </Stack>
          ) : undefined
        }
      >
        {t(admin ? 'paymentCheck.flaggedAdmin' : 'paymentCheck.flagged')}
      </Alert>
      {reopening.error ? <ApiErrorAlert error={reopening.error} onClose={reopening.reset} /> : null}
      {confirming ? <ConfirmPaymentDialog order={order} onClose={() => setConfirming(false)} /> : null}
    </Stack>
  );
}
