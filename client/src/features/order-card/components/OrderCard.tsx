import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { Box, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import type { Client, Order } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { SafeHtml } from '../../../components/SafeHtml';
import { useFocusWhenShown } from '../../../components/use-focus-when-shown';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { type CallTarget, CallButtons, type CallButtonsProps } from '../../calls';
import { ClientContacts, ClientEditButton, ClientLocalTime, ClientNotes } from '../../clients';
import { useGetOrderQuery } from '../../orders';
import { useGetSettingsQuery } from '../../settings';
import { HistoryTabs } from './HistoryTabs';
import { StatusMenu, AutoCancelEditor } from '../../order-status';
import { PaymentsPanel } from '../../payments';
import { AuditLink } from '../../admin';
import { Field, Section } from './CardSection';
import { OrderDetailsSection } from './OrderDetailsSection';
import { OrderItemsSection } from './OrderItemsSection';
import { OrderManagerField } from './OrderManagerField';
import { StatusLinkPanel } from './StatusLinkPanel';

const statusColor: Partial<Record<Order['status'], 'default' | 'success' | 'warning' | 'error' | 'info'>> = {
  pending: 'warning',
  reserved: 'info',
  paid: 'success',
  completed: 'success',
  cancelled: 'error',
  failed: 'error',
  refunded: 'default',
};

function KeyFigures({ order }: { order: Order }) {
  const t = useT();
  const fmt = useFormat();
  const figures: [MessageKey, number][] = [
    ['order.amount', order.total],
    ['orderEdit.discount', order.discount],
    ['order.advances', order.advances],
    ['order.paid', order.paid],
    ['order.income', order.income],
    ['order.expenses', order.expenses],
  ];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 0.5 }} data-testid="key-figures">
      {figures.map(([label, value]) => (
        <Box key={label}>
          <Typography variant="caption" color="text.secondary" component="div">
            {t(label)}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {fmt.money(value, order.currency)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function ClientBlock({ order, client }: { order: Order; client: Client }) {
  const t = useT();
  const { data: settings } = useGetSettingsQuery();
  return (
    <Section title={t('card.client')}>
      <Stack spacing={0.5}>
        <Link
          component={RouterLink}
          to={`/clients/${client.id}`}
          variant="subtitle1"
          sx={{ fontWeight: 700 }}
          data-testid="client-name"
        >
          {client.name}
        </Link>
        <ClientContacts client={client} />
        <ClientLocalTime zone={client.timezone} hours={settings?.callingHours} />
        <Field label={t('client.manager')} value={client.managerName ?? t('client.noManager')} />
        <Field label={t('order.ip')} value={order.ip} />
        <ClientEditButton client={client} />
        <ClientNotes client={client} />
      </Stack>
    </Section>
  );
}

export type OrderCardProps = {
  orderId: string;
  /** The call buttons act on this (a call task); by default on the order itself. */
  target?: CallTarget;
  targetCall?: Order['call'];
  /** Shown above the call buttons: the workbench's reason and claim countdown. */
  banner?: ReactNode;
  /** The heading takes the focus once the card shows (the workbench: a screen reader announces the new order). */
  focusHeading?: boolean;
} & Pick<CallButtonsProps, 'onSaved' | 'onSubmitted' | 'onDialogOpened' | 'hotkeys' | 'claimed'>;

export function OrderCard({
  orderId,
  target,
  targetCall,
  banner,
  onSaved,
  onSubmitted,
  onDialogOpened,
  hotkeys,
  claimed,
  focusHeading = false,
}: OrderCardProps) {
  const t = useT();
  const fmt = useFormat();
  const headingRef = useFocusWhenShown<HTMLHeadingElement>(focusHeading);
  const { data, error, isLoading } = useGetOrderQuery(orderId);
  const { data: settings } = useGetSettingsQuery();
  if (isLoading) return <PageSkeleton />;
  if (!data)
    return (
      <Box sx={{ p: 2 }}>
        <ApiErrorAlert error={error} />
      </Box>
    );
  const { order, client } = data;
  const callTarget = target ?? { kind: 'order' as const, id: order.id, orderId: order.id, clientId: client.id };

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '360px minmax(0, 1fr)',
        gap: 1.5,
        p: 1.5,
        height: '100%',
        minHeight: 0,
      }}
      data-testid="order-card"
      data-order-id={order.id}
    >
      <Stack spacing={1.5} sx={{ overflow: 'auto', minHeight: 0 }}>
        <Paper sx={{ p: 1.25 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h1" tabIndex={-1} ref={headingRef} data-testid="order-number">
              #{order.number}
            </Typography>
            <Chip
              color={statusColor[order.status] ?? 'default'}
              label={t(`status.${order.status}` as MessageKey)}
              data-testid="order-status"
            />
            <Chip variant="outlined" label={t(`paymentStatus.${order.paymentStatus}` as MessageKey)} />
            <StatusMenu order={order} client={client} />
            <AuditLink objectType="order" objectId={order.id} />
          </Stack>
          <Typography variant="caption" color="text.secondary" component="div">
            {fmt.dateTime(order.createdAt)} ·{' '}
            {order.autoCancelAt
              ? t('order.autoCancelAt', { date: fmt.dateTime(order.autoCancelAt) })
              : t('order.autoCancelOff')}
            <AutoCancelEditor order={order} />
          </Typography>
          <OrderManagerField order={order} />
          <Box sx={{ mt: 1 }}>
            <KeyFigures order={order} />
          </Box>
          <PaymentsPanel order={order} />
        </Paper>
        <ClientBlock order={order} client={client} />
        <OrderItemsSection order={order} />
        <OrderDetailsSection order={order} />
        <StatusLinkPanel orderId={order.id} />
      </Stack>
      <Stack spacing={1.5} sx={{ minHeight: 0 }}>
        <Paper sx={{ p: 1.25 }}>
          {banner}
          <CallButtons
            target={callTarget}
            call={targetCall ?? order.call}
            client={client}
            onSaved={onSaved}
            onSubmitted={onSubmitted}
            onDialogOpened={onDialogOpened}
            hotkeys={hotkeys}
            claimed={claimed}
          />
        </Paper>
        <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 280px', gap: 1.5 }}>
          <Paper sx={{ minHeight: 0, overflow: 'hidden' }}>
            <HistoryTabs orderId={order.id} clientId={client.id} />
          </Paper>
          <Paper sx={{ p: 1.25, overflow: 'auto' }}>
            <Typography variant="overline" component="h2">
              {t('card.instructions')}
            </Typography>
            {settings ? <SafeHtml html={settings.callInstructions} testId="call-instructions" /> : null}
          </Paper>
        </Box>
      </Stack>
    </Box>
  );
}
