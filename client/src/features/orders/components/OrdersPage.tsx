import { useMemo, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OrderListItem } from '@callboard/shared';
import { PagedTable } from '../../../components/PagedTable';
import { useUrlView } from '../../../components/use-url-view';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat, type Formatters } from '../../../i18n/format';
import { useGetMeQuery } from '../../session';
import { useListUsersQuery } from '../../users';
import { useListOrdersQuery } from '../api/orders-api';
import { useColumnChoice, type OrderColumn } from '../hooks/use-column-choice';
import { defaultFilter, filterFromParams, filterToParams, filterToQuery, pageSizes } from '../order-filters';
import { ColumnPicker } from './ColumnPicker';
import { columnLabels } from './column-labels';
import { OrderFilters } from './OrderFilters';
import { useOrderSelection } from '../hooks/use-order-selection';
import { BulkActions } from './BulkActions';
import { ExportCsvButton } from './ExportCsvButton';
import { SelectPageCell, SelectRowCell } from './SelectionCells';

type Cell = { align?: 'right'; render: (o: OrderListItem) => ReactNode };

function cells(t: ReturnType<typeof useT>, fmt: Formatters): Record<OrderColumn, Cell> {
  return {
    number: { render: (o) => `#${o.number}` },
    date: { render: (o) => fmt.dateTime(o.createdAt) },
    client: { render: (o) => o.clientName },
    products: { render: (o) => o.items.map((i) => i.name).join(', ') },
    quantity: { align: 'right', render: (o) => o.items.reduce((sum, i) => sum + i.quantity, 0) },
    total: { align: 'right', render: (o) => fmt.money(o.total, o.currency) },
    status: { render: (o) => <Chip size="small" label={t(`status.${o.status}` as MessageKey)} /> },
    paymentStatus: { render: (o) => t(`paymentStatus.${o.paymentStatus}` as MessageKey) },
    manager: { render: (o) => o.managerName ?? t('client.noManager') },
    tags: {
      render: (o) => (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {o.tags.map((tag) => (
            <Chip key={tag} size="small" variant="outlined" label={tag} data-testid="order-tag" />
          ))}
        </Stack>
      ),
    },
  };
}

/** Every order, newest first, filtered by a view that lives in the URL. */
export function OrdersPage() {
  const t = useT();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const { view: filter, change, goToPage, reset } = useUrlView(filterFromParams, filterToParams);
  const { data: me } = useGetMeQuery();
  const { data: users } = useListUsersQuery(undefined, { skip: me?.role !== 'admin' });
  const { columns, toggle } = useColumnChoice(me?.id);
  // `data` keeps the previous answer while the next loads, so rows never blank out while typing.
  const listArgs = filterToQuery(filter);
  const { data, error, isLoading, isFetching } = useListOrdersQuery(listArgs);
  const pageIds = useMemo(() => (data?.items ?? []).map((o) => o.id), [data]);
  const selection = useOrderSelection(listArgs, pageIds);

  const managers =
    me?.role === 'admin' ? (users ?? []).filter((u) => !u.disabled) : me ? [{ id: me.id, name: me.name }] : [];
  const cellFor = cells(t, fmt);
  const open = (o: OrderListItem) => navigate(`/orders/${o.id}`);

  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('nav.orders')}
        </Typography>
        {data ? (
          <Typography variant="body2" color="text.secondary" data-testid="orders-total">
            {t('orders.total', { total: data.total })}
          </Typography>
        ) : null}
        <ExportCsvButton args={listArgs} />
        <ColumnPicker columns={columns} onToggle={toggle} />
      </Stack>
      <OrderFilters filter={filter} onChange={change} onReset={() => reset(defaultFilter)} managers={managers} />
      <PagedTable
        data={data}
        isLoading={isLoading}
        isFetching={isFetching}
        error={error}
        loadingLabel={t('orderList.loading')}
        skeletonRows={10}
        page={filter.page}
        limit={filter.limit}
        pageSizes={pageSizes}
        onPageChange={goToPage}
        onLimitChange={(limit) => change({ limit })}
        paginationTestId="orders-pagination"
        toolbar={(page) => <BulkActions selection={selection} total={page.total} me={me} managers={managers} />}
      >
        {(page) => (
          <Table size="small" data-testid="orders-table" aria-busy={isFetching}>
            <TableHead>
              <TableRow>
                <SelectPageCell selection={selection} />
                {columns.map((c) => (
                  <TableCell key={c} align={cellFor[c].align}>
                    {t(columnLabels[c])}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {page.items.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={columns.length + 1}>
                    <Typography color="text.secondary">{t('orderList.empty')}</Typography>
                  </TableCell>
                </TableRow>
              ) : (
                page.items.map((o) => (
                  <TableRow
                    key={o.id}
                    hover
                    tabIndex={0}
                    sx={{
                      cursor: 'pointer',
                      '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
                    }}
                    onClick={() => open(o)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') open(o);
                    }}
                    data-testid="order-row"
                    aria-label={t('orderList.openOrder', { number: o.number })}
                    selected={selection.isSelected(o.id)}
                  >
                    <SelectRowCell selection={selection} id={o.id} number={o.number} />
                    {columns.map((c) => (
                      <TableCell key={c} align={cellFor[c].align}>
                        {cellFor[c].render(o)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        )}
      </PagedTable>
    </Box>
  );
}
