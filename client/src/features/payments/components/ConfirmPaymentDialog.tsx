import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { paymentMethods, type Order, type PaymentMethod } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useConfirmPaymentCheckMutation } from '../api/payments-api';

/** One step: what is left to pay is recorded as received, which pays the order and clears the check. */
export function ConfirmPaymentDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const [confirm, { error, isLoading }] = useConfirmPaymentCheckMutation();
  const [method, setMethod] = useState<PaymentMethod>(order.paymentMethod ?? 'transfer');
  const [transactionId, setTransactionId] = useState('');
  const left = Math.max(0, order.total - order.paid);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { method, ...(transactionId.trim() ? { transactionId: transactionId.trim() } : {}) };
    const result = await confirm({ id: order.id, body });
    if (!('error' in result)) onClose();
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="confirm-payment-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="confirm-payment-title">{t('paymentCheck.confirmTitle', { number: order.number })}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1.5}>
            <DialogContentText>
              {left > 0
                ? t('paymentCheck.confirmLeft', { amount: fmt.money(left, order.currency) })
                : t('paymentCheck.confirmNothingLeft')}
            </DialogContentText>
            {left > 0 ? (
              <>
                <TextField
                  select
                  label={t('payments.method')}
                  value={method}
                  onChange={(e) => setMethod(e.target.value as PaymentMethod)}
                  autoFocus
                >
                  {paymentMethods.map((m) => (
                    <MenuItem key={m} value={m}>
                      {t(`payment.${m}` as MessageKey)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  label={t('payments.transactionId')}
                  value={transactionId}
                  onChange={(e) => setTransactionId(e.target.value)}
                />
              </>
            ) : null}
            {error ? <ApiErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" loading={isLoading} data-testid="payment-check-confirm-save">
            {t('paymentCheck.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
