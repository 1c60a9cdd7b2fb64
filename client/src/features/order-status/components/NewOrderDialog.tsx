import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { paymentMethods, type Client, type CreateOrderBody, type Order, type PaymentMethod } from '@callboard/shared';
import { FormDialog } from '../../../components/FormDialog';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useCreateOrderMutation } from '../../orders';

type ItemDraft = { name: string; quantity: string; unitPrice: string };

const itemsOf = (order: Order): ItemDraft[] =>
  order.items.map((i) => ({ name: i.name, quantity: String(i.quantity), unitPrice: String(i.unitPrice) }));

/**
 * A new order for this order's client. The client is sent by name, e-mail and phone: the server
 * matches the same client by phone or e-mail, exactly as it does for the shop's orders.
 */
export function NewOrderDialog({ order, client, onClose }: { order: Order; client: Client; onClose: () => void }) {
  const t = useT();
  const [, navigate] = useLocation();
  const [createOrder, { error, isLoading }] = useCreateOrderMutation();
  const [items, setItems] = useState<ItemDraft[]>(() => itemsOf(order));
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod | ''>(order.paymentMethod ?? '');

  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    setItems((all) => all.map((item, j) => (j === i ? { ...item, ...patch } : item)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const phone = client.phones.find((p) => !p.invalid)?.number ?? client.phones[0]?.number;
    const body: CreateOrderBody = {
      client: {
        name: client.name,
        ...(client.emails[0] ? { email: client.emails[0] } : {}),
        ...(phone ? { phone } : {}),
      },
      items: items.map((i) => ({ name: i.name.trim(), quantity: Number(i.quantity), unitPrice: Number(i.unitPrice) })),
      currency: order.currency,
      ...(paymentMethod ? { paymentMethod } : {}),
      ...(order.source ? { source: order.source } : {}),
      ...(order.channel ? { channel: order.channel } : {}),
    };
    const result = await createOrder(body);
    if ('data' in result && result.data) navigate(`/orders/${result.data.id}`);
  }

  return (
    <FormDialog
      titleId="new-order-title"
      title={t('newOrder.title', { name: client.name })}
      maxWidth="sm"
      onClose={onClose}
      onSubmit={submit}
      error={error}
      submitLabel={t('newOrder.create')}
      submitting={isLoading}
    >
      {items.map((item, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            label={t('newOrder.product')}
            value={item.name}
            onChange={(e) => setItem(i, { name: e.target.value })}
            required
            sx={{ flex: 1 }}
          />
          <TextField
            size="small"
            type="number"
            label={t('orderList.quantity')}
            value={item.quantity}
            onChange={(e) => setItem(i, { quantity: e.target.value })}
            required
            slotProps={{ htmlInput: { min: 1, step: 1 } }}
            sx={{ width: 100 }}
          />
          <TextField
            size="small"
            type="number"
            label={t('newOrder.unitPrice', { currency: order.currency })}
            value={item.unitPrice}
            onChange={(e) => setItem(i, { unitPrice: e.target.value })}
            required
            slotProps={{ htmlInput: { min: 0, step: 'any' } }}
            sx={{ width: 140 }}
          />
          <IconButton
            aria-label={t('newOrder.removeItem')}
            onClick={() => setItems((all) => all.filter((_x, j) => j !== i))}
            disabled={items.length === 1}
          >
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Button
        onClick={() => setItems((all) => [...all, { name: '', quantity: '1', unitPrice: '' }])}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('newOrder.addItem')}
      </Button>
      <TextField
        select
        size="small"
        label={t('payments.method')}
        value={paymentMethod}
        onChange={(e) => setPaymentMethod(e.target.value as PaymentMethod | '')}
        sx={{ width: 220 }}
      >
        <MenuItem value="">{t('newOrder.noMethod')}</MenuItem>
        {paymentMethods.map((m) => (
          <MenuItem key={m} value={m}>
            {t(`payment.${m}` as MessageKey)}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="text.secondary">
        {t('newOrder.sameClient')}
      </Typography>
    </FormDialog>
  );
}
