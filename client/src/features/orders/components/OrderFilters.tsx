import { useCallback } from 'react';
import { Button, Checkbox, FormControlLabel, ListItemText, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { orderStatuses, type OrderStatus, type User } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';
import type { OrderFilter } from '../order-filters';
import { DebouncedSearchField } from './DebouncedSearchField';

const YEARS_BACK = 10;

type Props = {
  filter: OrderFilter;
  onChange: (patch: Partial<OrderFilter>) => void;
  onReset: () => void;
  /** Admins pick any manager; others only themselves (the user list is an admin screen). */
  managers: Pick<User, 'id' | 'name'>[];
};

const ALL = 'all';

export function OrderFilters({ filter, onChange, onReset, managers }: Props) {
  const t = useT();
  const years = Array.from({ length: YEARS_BACK }, (_, i) => DateTime.now().year - i);
  const statusValue: string[] = filter.status === 'all' ? [ALL] : filter.status;
  const onSearch = useCallback((q: string) => onChange({ q }), [onChange]);
  const onTag = useCallback((tag: string) => onChange({ tag }), [onChange]);
  const onStage = useCallback((stage: string) => onChange({ stage }), [onChange]);

  function changeStatuses(next: string[]) {
    const pickedAll = next.includes(ALL) && !statusValue.includes(ALL);
    const picked = next.filter((s): s is OrderStatus => s !== ALL);
    onChange({ status: pickedAll ? 'all' : picked.length ? orderStatuses.filter((s) => picked.includes(s)) : 'all' });
  }

  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      role="search"
      aria-label={t('orderList.filters')}
    >
      <DebouncedSearchField
        size="small"
        label={t('orderList.searchLabel')}
        placeholder={t('orders.search')}
        value={filter.q}
        onCommit={onSearch}
        sx={{ width: 280 }}
        slotProps={{ htmlInput: { 'data-testid': 'orders-search' } }}
      />
      <TextField
        select
        size="small"
        label={t('order.status')}
        value={statusValue}
        sx={{ width: 240 }}
        slotProps={{
          select: {
            multiple: true,
            renderValue: (selected) => {
              const values = selected as string[];
              return values.includes(ALL)
                ? t('orderList.allStatuses')
                : values.map((s) => t(`status.${s}` as MessageKey)).join(', ');
            },
          },
          htmlInput: { 'data-testid': 'status-filter' },
        }}
        onChange={(e) => changeStatuses(e.target.value as unknown as string[])}
      >
        <MenuItem value={ALL} dense>
          <Checkbox size="small" checked={statusValue.includes(ALL)} />
          <ListItemText primary={t('orderList.allStatuses')} />
        </MenuItem>
        {orderStatuses.map((s) => (
          <MenuItem key={s} value={s} dense>
            <Checkbox size="small" checked={statusValue.includes(s)} />
            <ListItemText primary={t(`status.${s}` as MessageKey)} />
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('orderList.year')}
        value={filter.year === null ? '' : String(filter.year)}
        onChange={(e) => onChange({ year: e.target.value ? Number(e.target.value) : null })}
        sx={{ width: 110 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">{t('orderList.anyYear')}</MenuItem>
        {years.map((y) => (
          <MenuItem key={y} value={String(y)}>
            {y}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('orderList.manager')}
        value={filter.managerId ?? ''}
        onChange={(e) => onChange({ managerId: e.target.value || null })}
        sx={{ width: 180 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">{t('orderList.anyManager')}</MenuItem>
        <MenuItem value="none">{t('client.noManager')}</MenuItem>
        {managers.map((m) => (
          <MenuItem key={m.id} value={m.id}>
            {m.name}
          </MenuItem>
        ))}
      </TextField>
      <DebouncedSearchField
        size="small"
        label={t('order.tags')}
        value={filter.tag}
        onCommit={onTag}
        sx={{ width: 130 }}
      />
      <DebouncedSearchField
        size="small"
        label={t('order.stage')}
        value={filter.stage}
        onCommit={onStage}
        sx={{ width: 150 }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.paymentCheck}
            onChange={(e) => onChange({ paymentCheck: e.target.checked })}
            slotProps={{ input: { 'data-testid': 'payment-check-filter' } as object }}
          />
        }
        label={t('orderList.paymentCheck')}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.needsContact}
            onChange={(e) => onChange({ needsContact: e.target.checked })}
            slotProps={{ input: { 'data-testid': 'needs-contact-filter' } as object }}
          />
        }
        label={t('filters.needsContact')}
        title={t('filters.needsContactHelp')}
      />
      <Button onClick={onReset}>{t('orderList.reset')}</Button>
    </Stack>
  );
}
