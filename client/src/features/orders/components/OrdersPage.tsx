import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router';
import { Box, Pagination, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useListOrdersQuery } from '../api/orders-api';

/** The default order list (pending, reserved, paid) with free search; issue 8 adds the filters. */
export function OrdersPage() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = useDeferredValue(q.trim());
  const { data, error, isLoading } = useListOrdersQuery({ q: query || undefined, page });
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h5" component="h1">{t('nav.orders')}</Typography>
        <TextField placeholder={t('orders.search')} value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} slotProps={{ htmlInput: { 'aria-label': t('orders.search') } }} />
      </Stack>
      {error ? <ApiErrorAlert error={error} /> : null}
      {isLoading ? <ListSkeleton rows={10} /> : data ? (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('order.number')}</TableCell>
                <TableCell>{t('order.date')}</TableCell>
                <TableCell>{t('card.client')}</TableCell>
                <TableCell>{t('card.items')}</TableCell>
                <TableCell align="right">{t('order.total')}</TableCell>
                <TableCell>{t('order.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((o) => (
                <TableRow key={o.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/orders/${o.id}`)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && navigate(`/orders/${o.id}`)}>
                  <TableCell>#{o.number}</TableCell>
                  <TableCell>{fmt.dateTime(o.createdAt)}</TableCell>
                  <TableCell>{o.clientName}</TableCell>
                  <TableCell>{o.items.map((i) => `${i.name} ×${i.quantity}`).join(', ')}</TableCell>
                  <TableCell align="right">{fmt.money(o.total, o.currency)}</TableCell>
                  <TableCell>{t(`status.${o.status}` as MessageKey)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 1 }}>
            <Typography variant="body2">{t('orders.total', { total: data.total })}</Typography>
            <Pagination count={Math.max(1, Math.ceil(data.total / data.limit))} page={page} onChange={(_e, p) => setPage(p)} />
          </Stack>
        </>
      ) : null}
    </Box>
  );
}
