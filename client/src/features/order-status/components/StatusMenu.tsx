import { useState } from 'react';
import { Button, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { statusTransitions, type Client, type Order, type OrderStatus } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { hasRight } from '@callboard/shared';
import { DeleteOrderDialog } from './DeleteOrderDialog';
import { NewOrderDialog } from './NewOrderDialog';
import { StatusDialog } from './StatusDialog';

type Open = { kind: 'status'; to: OrderStatus } | { kind: 'delete' } | { kind: 'newOrder' } | null;

/**
 * The order header's status actions, for those who may change status (admins, or the
 * `orders.status` right); others see only the status chip. It offers exactly the moves the
 * server allows from the current status.
 */
export function StatusMenu({ order, client }: { order: Order; client: Client }) {
  const t = useT();
  const { data: me } = useGetMeQuery();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState<Open>(null);
  if (!hasRight(me, 'orders.status')) return null;

  const pick = (next: Open) => {
    setAnchor(null);
    setOpen(next);
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        endIcon={<ArrowDropDownIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        data-testid="status-menu"
      >
        {t('statusChange.menu')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {statusTransitions[order.status].map((to) => (
          <MenuItem key={to} onClick={() => pick({ kind: 'status', to })} data-status={to}>
            <ListItemText primary={t(`status.${to}` as MessageKey)} />
          </MenuItem>
        ))}
        {statusTransitions[order.status].length === 0 ? (
          <MenuItem disabled>
            <ListItemText primary={t('statusChange.final')} />
          </MenuItem>
        ) : null}
        <Divider />
        <MenuItem onClick={() => pick({ kind: 'newOrder' })}>{t('newOrder.menu')}</MenuItem>
        {hasRight(me, 'orders.delete') ? (
          <MenuItem onClick={() => pick({ kind: 'delete' })} sx={{ color: 'error.main' }}>
            {t('orderDelete.menu')}
          </MenuItem>
        ) : null}
      </Menu>
      {open?.kind === 'status' ? (
        <StatusDialog order={order} to={open.to} hasEmail={client.emails.length > 0} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'delete' ? (
        <DeleteOrderDialog
          order={order}
          onClose={() => setOpen(null)}
          onCancelInstead={() => setOpen({ kind: 'status', to: 'cancelled' })}
        />
      ) : null}
      {open?.kind === 'newOrder' ? (
        <NewOrderDialog order={order} client={client} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
