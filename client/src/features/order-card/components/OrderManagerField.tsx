import { MenuItem, TextField, Typography } from '@mui/material';
import { mayEditOrderField, type Order } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useUpdateOrderMutation } from '../../orders';
import { useListStaffNamesQuery } from '../../users';

/**
 * The order's own manager in the card's header: a select of enabled staff for admins and the
 * orders.edit right (it saves on choosing), the name for everyone else.
 */
export function OrderManagerField({ order }: { order: Order }) {
  const t = useT();
  const { data: me } = useGetMeQuery();
  const { data: staff } = useListStaffNamesQuery();
  const [updateOrder, { error, isLoading }] = useUpdateOrderMutation();
  const current = staff?.find((u) => u.id === order.managerId);
  const name = order.managerId ? (current?.name ?? '…') : t('orderEdit.noManager');

  if (!mayEditOrderField(me, 'managerId') || !staff) {
    return (
      <Typography variant="body2" data-testid="order-manager">
        <Typography component="span" variant="body2" color="text.secondary">
          {t('orderEdit.manager')}:
        </Typography>{' '}
        {name}
      </Typography>
    );
  }
  // A disabled manager still shows as the current one, though no longer offered to others.
  const offered = staff.filter((u) => !u.disabled || u.id === order.managerId);
  return (
    <>
      <TextField
        select
        size="small"
        label={t('orderEdit.changeManager')}
        value={order.managerId ?? ''}
        disabled={isLoading}
        onChange={(e) => void updateOrder({ id: order.id, body: { managerId: e.target.value || null } })}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'order-manager-select' } as object } }}
        sx={{ minWidth: 220, mt: 1 }}
      >
        <MenuItem value="">{t('orderEdit.noManager')}</MenuItem>
        {offered.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name}
          </MenuItem>
        ))}
      </TextField>
      {error ? <ApiErrorAlert error={error} /> : null}
    </>
  );
}
