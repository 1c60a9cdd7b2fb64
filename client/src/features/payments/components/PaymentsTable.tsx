import { Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { Order, Payment } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';

const columns: MessageKey[] = [
  'payments.col.date',
  'payments.col.amount',
  'payments.kind',
  'payments.col.method',
  'payments.col.system',
  'payments.col.transaction',
  'payments.col.attempts',
  'payments.comment',
  'payments.col.by',
];

/** A refund takes money back: shown as a negative amount beside its kind, as a correction is. */
const signedAmount = (p: Payment) => (p.kind === 'refund' ? -p.amount : p.amount);

/** Every payment, advance and refund of the order, oldest first, with who recorded it. */
export function PaymentsTable({ order }: { order: Order }) {
  const t = useT();
  const fmt = useFormat();
  if (order.payments.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
        {t('payments.none')}
      </Typography>
    );
  }
  return (
    // Wider than the tab on a narrow card: it scrolls sideways, so it takes the focus to scroll by keyboard.
    <TableContainer tabIndex={0} role="region" aria-label={t('payments.tableLabel', { number: order.number })}>
      <Table
        size="small"
        sx={{ '& th, & td': { px: 0.75 } }}
        aria-label={t('payments.tableLabel', { number: order.number })}
        data-testid="payments-table"
      >
        <TableHead>
          <TableRow>
            {columns.map((key) => (
              <TableCell
                key={key}
                align={key === 'payments.col.amount' || key === 'payments.col.attempts' ? 'right' : undefined}
              >
                {t(key)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {order.payments.map((p) => {
            const amount = signedAmount(p);
            return (
              <TableRow key={p.id} data-testid="payment-row" data-kind={p.kind}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(p.at)}</TableCell>
                <TableCell
                  align="right"
                  sx={{ whiteSpace: 'nowrap', fontWeight: 600, color: amount < 0 ? 'error.main' : undefined }}
                >
                  {fmt.money(amount, order.currency)}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant={p.kind === 'payment' ? 'outlined' : 'filled'}
                    color={p.kind === 'refund' ? 'warning' : p.kind === 'advance' ? 'info' : 'default'}
                    label={t(`payments.kind.${p.kind}` as MessageKey)}
                  />
                </TableCell>
                <TableCell>{t(`payment.${p.method}` as MessageKey)}</TableCell>
                <TableCell>{p.system ?? '—'}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{p.transactionId ?? '—'}</TableCell>
                <TableCell align="right">{p.attempts}</TableCell>
                <TableCell>{p.comment ?? '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.by.name}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
