import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import { paymentMethods, type PaymentMethod } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';

type Props = Omit<TextFieldProps, 'select' | 'label' | 'value' | 'onChange'> & {
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
};

/** Picks how a payment was made, each method by its name in the reader's language. */
export function PaymentMethodField({ value, onChange, ...rest }: Props) {
  const t = useT();
  return (
    <TextField
      {...rest}
      select
      label={t('payments.method')}
      value={value}
      onChange={(e) => onChange(e.target.value as PaymentMethod)}
    >
      {paymentMethods.map((m) => (
        <MenuItem key={m} value={m}>
          {t(`payment.${m}` as MessageKey)}
        </MenuItem>
      ))}
    </TextField>
  );
}
