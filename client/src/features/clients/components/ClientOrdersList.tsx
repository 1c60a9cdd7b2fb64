import { Link as RouterLink } from 'wouter';
import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useGetClientOrdersQuery } from '../api/clients-api';

export function ClientOrdersList({ clientId }: { clientId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { data, isLoading, error } = useGetClientOrdersQuery(clientId);
  if (isLoading) return <ListSkeleton />;
  if (error) return <ApiErrorAlert error={error} />;
  if (!data?.items.length) return <Typography color="text.secondary">{t('common.none')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('order.number')}</TableCell>
          <TableCell>{t('order.date')}</TableCell>
          <TableCell>{t('order.status')}</TableCell>
          <TableCell align="right">{t('order.total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.items.map((o) => (
          <TableRow key={o.id} hover>
            <TableCell>
              <Link component={RouterLink} to={`/orders/${o.id}`}>
                #{o.number}
              </Link>
            </TableCell>
            <TableCell>{fmt.date(o.createdAt)}</TableCell>
            <TableCell>{t(`status.${o.status}` as MessageKey)}</TableCell>
            <TableCell align="right">{fmt.money(o.total, o.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
