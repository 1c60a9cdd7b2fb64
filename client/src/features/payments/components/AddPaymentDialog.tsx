import { useState, type FormEvent } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { currencyDigits, paymentBody, toMinor, type Order, type PaymentMethod } from '@callboard/shared';
import { FormDialog } from '../../../components/FormDialog';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useAddPaymentMutation } from '../../orders';
import { PaymentMethodField } from './PaymentMethodField';

const kinds = ['payment', 'advance', 'refund'] as const;
type Kind = (typeof kinds)[number];

export function AddPaymentDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const t = useT();
  const [addPayment, { error, isLoading }] = useAddPaymentMutation();
  const outstanding = Math.max(0, order.total - order.paid);
  const [amount, setAmount] = useState(outstanding > 0 ? outstanding.toFixed(currencyDigits(order.currency)) : '');
  const [method, setMethod] = useState<PaymentMethod>(order.paymentMethod ?? 'transfer');
  const [kind, setKind] = useState<Kind>('payment');
  const [transactionId, setTransactionId] = useState('');
  const [system, setSystem] = useState('');
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = Number(amount);
    const parsed = paymentBody.safeParse({
      amount: value,
      method,
      kind,
      ...(transactionId.trim() ? { transactionId } : {}),
      ...(system.trim() ? { system } : {}),
      ...(comment.trim() ? { comment } : {}),
    });
    if (!amount.trim() || !parsed.success || toMinor(value, order.currency) === null || value < 0) {
      setInvalid(t('payments.invalidAmount', { digits: currencyDigits(order.currency), currency: order.currency }));
      return;
    }
    setInvalid(null);
    const result = await addPayment({ id: order.id, body: parsed.data });
    if (!('error' in result)) onClose();
  }

  return (
    <FormDialog
      titleId="add-payment-title"
      title={t('payments.addTitle', { number: order.number })}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={submit}
      noValidate
      error={error}
      submitLabel={t('payments.save')}
      submitting={isLoading}
      submitTestId="payment-save"
    >
      <TextField select label={t('payments.kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {kinds.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`payments.kind.${k}` as MessageKey)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('payments.amount', { currency: order.currency })}
        type="number"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        required
        autoFocus
        error={invalid !== null}
        helperText={invalid ?? t('payments.amountHelp')}
        slotProps={{ htmlInput: { min: 0, step: 'any' } }}
      />
      <PaymentMethodField value={method} onChange={setMethod} />
      <TextField
        label={t('payments.transactionId')}
        value={transactionId}
        onChange={(e) => setTransactionId(e.target.value)}
      />
      <TextField
        label={t('payments.system')}
        value={system}
        onChange={(e) => setSystem(e.target.value)}
        placeholder="Redsys, Stripe…"
      />
      <TextField
        label={t('payments.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        multiline
        minRows={2}
      />
    </FormDialog>
  );
}
