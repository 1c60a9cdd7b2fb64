import { useState, type FormEvent } from 'react';
import { DialogContentText, TextField } from '@mui/material';
import type { Order, PaymentMethod } from '@callboard/shared';
import { FormDialog } from '../../../components/FormDialog';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useConfirmPaymentCheckMutation } from '../api/payments-api';
import { PaymentMethodField } from './PaymentMethodField';

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
    <FormDialog
      titleId="confirm-payment-title"
      title={t('paymentCheck.confirmTitle', { number: order.number })}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={submit}
      noValidate
      error={error}
      submitLabel={t('paymentCheck.confirm')}
      submitting={isLoading}
      submitTestId="payment-check-confirm-save"
    >
      <DialogContentText>
        {left > 0
          ? t('paymentCheck.confirmLeft', { amount: fmt.money(left, order.currency) })
          : t('paymentCheck.confirmNothingLeft')}
      </DialogContentText>
      {left > 0 ? (
        <>
          <PaymentMethodField value={method} onChange={setMethod} autoFocus />
          <TextField
            label={t('payments.transactionId')}
            value={transactionId}
            onChange={(e) => setTransactionId(e.target.value)}
          />
        </>
      ) : null}
    </FormDialog>
  );
}
