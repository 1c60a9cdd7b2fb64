import { useCallback } from 'react';
import { Link as RouterLink, useSearchParams } from 'wouter';
import {
  Box,
  Chip,
  Link,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { hasRight, type ClientListItem } from '@callboard/shared';
import { PagedTable } from '../../../components/PagedTable';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { DebouncedSearchField } from '../../orders';
import { useListClientsQuery, useUpdateClientMutation } from '../api/clients-api';

const pageSizes = [25, 50, 100];

function AutoPaymentsCell({ client, editable }: { client: ClientListItem; editable: boolean }) {
  const t = useT();
  const [update, { isLoading }] = useUpdateClientMutation();
  if (!editable)
    return (
      <Typography variant="body2" data-testid="autopay-mark">
        {client.autoPayments ? t('clients.on') : t('clients.off')}
      </Typography>
    );
  return (
    <Switch
      size="small"
      checked={client.autoPayments}
      disabled={isLoading}
      onChange={(e) => void update({ id: client.id, body: { autoPayments: e.target.checked } })}
      slotProps={{ input: { 'aria-label': t('clients.autoPaymentsFor', { name: client.name }) } }}
    />
  );
}

/** Every client, by name, searchable by name, phone or e-mail; the view (search, page) lives in the URL. */
export function ClientsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const limit = pageSizes.includes(Number(params.get('limit'))) ? Number(params.get('limit')) : 50;
  const { data: me } = useGetMeQuery();
  const { data, error, isLoading, isFetching } = useListClientsQuery({ q: q.trim() || undefined, page, limit });
  const mayAutopay = hasRight(me, 'clients.autopay');
  const setView = useCallback(
    (patch: { q?: string; page?: number; limit?: number }) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(patch)) {
          if (v === '' || v === 1 || (k === 'limit' && v === 50)) next.delete(k);
          else next.set(k, String(v));
        }
        if (patch.q !== undefined || patch.limit !== undefined) next.delete('page');
        return next;
      }),
    [setParams],
  );
  const onSearch = useCallback((value: string) => setView({ q: value.trim() }), [setView]);

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('clients.title')}
        </Typography>
        {data ? (
          <Typography variant="body2" color="text.secondary" data-testid="clients-total">
            {t('clients.total', { total: data.total })}
          </Typography>
        ) : null}
      </Stack>
      <DebouncedSearchField
        value={q}
        onCommit={onSearch}
        label={t('clients.search')}
        type="search"
        size="small"
        sx={{ width: 360 }}
        slotProps={{ htmlInput: { 'data-testid': 'clients-search' } }}
      />
      <PagedTable
        data={data}
        isLoading={isLoading}
        isFetching={isFetching}
        error={error}
        loadingLabel={t('clients.title')}
        skeletonRows={10}
        page={page}
        limit={limit}
        pageSizes={pageSizes}
        onPageChange={(p) => setView({ page: p })}
        onLimitChange={(l) => setView({ limit: l })}
      >
        {(shown) => (
          <Table size="small" data-testid="clients-table" aria-busy={isFetching}>
            <TableHead>
              <TableRow>
                <TableCell>{t('clients.name')}</TableCell>
                <TableCell>{t('clients.phone')}</TableCell>
                <TableCell>{t('clients.email')}</TableCell>
                <TableCell>{t('clients.manager')}</TableCell>
                <TableCell>{t('clients.tags')}</TableCell>
                <TableCell>{t('clients.autoPayments')}</TableCell>
                <TableCell align="right">{t('clients.orders')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.items.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={7}>
                    <Typography color="text.secondary">{t('clients.empty')}</Typography>
                  </TableCell>
                </TableRow>
              ) : (
                shown.items.map((c) => {
                  const phone = c.phones[0];
                  return (
                    <TableRow key={c.id} hover data-testid="client-row">
                      <TableCell>
                        <Link component={RouterLink} to={`/clients/${c.id}`}>
                          {c.name}
                        </Link>
                      </TableCell>
                      <TableCell>
                        {phone ? (
                          <Typography
                            variant="body2"
                            sx={phone.invalid ? { color: 'error.main', textDecoration: 'line-through' } : undefined}
                          >
                            {phone.display}
                            {phone.invalid ? ` (${t('client.phoneInvalid')})` : ''}
                          </Typography>
                        ) : null}
                      </TableCell>
                      <TableCell>{c.emails[0] ?? ''}</TableCell>
                      <TableCell>{c.managerName ?? t('client.noManager')}</TableCell>
                      <TableCell>
                        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                          {c.tags.map((tag) => (
                            <Chip key={tag} size="small" variant="outlined" label={tag} />
                          ))}
                        </Stack>
                      </TableCell>
                      <TableCell>
                        <AutoPaymentsCell client={c} editable={mayAutopay} />
                      </TableCell>
                      <TableCell align="right">
                        {c.orders.count}
                        {c.orders.lastOrderId ? (
                          <>
                            {' · '}
                            <Link component={RouterLink} to={`/orders/${c.orders.lastOrderId}`}>
                              {t('clients.lastOrder', { number: c.orders.lastOrderNumber ?? '' })}
                            </Link>
                          </>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })
              )}
            </TableBody>
          </Table>
        )}
      </PagedTable>
    </Box>
  );
}
