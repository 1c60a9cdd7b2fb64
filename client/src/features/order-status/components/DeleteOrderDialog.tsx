import { useLocation } from 'wouter';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { canTransition, type Order } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { apiErrorOf } from '../../../components/api-error';
import { useT } from '../../../i18n/i18n';
import { useDeleteOrderMutation } from '../../orders';

type Props = { order: Order; onClose: () => void; onCancelInstead: () => void };

/** Deleting is for orders nothing happened to; the server refuses the others (409) and they are cancelled instead. */
export function DeleteOrderDialog({ order, onClose, onCancelInstead }: Props) {
  const t = useT();
  const [, navigate] = useLocation();
  const [deleteOrder, { error, isLoading }] = useDeleteOrderMutation();
  const hasHistory = apiErrorOf(error)?.code === 'conflict';
  const canCancel = canTransition(order.status, 'cancelled');

  async function confirm() {
    const result = await deleteOrder(order.id);
    if (!('error' in result)) navigate('/orders', { replace: true });
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-order-title">
      <DialogTitle id="delete-order-title">{t('orderDelete.title', { number: order.number })}</DialogTitle>
      <DialogContent>
        {hasHistory ? (
          <Alert severity="warning" data-testid="delete-refused">
            {t('orderDelete.hasHistory')} {canCancel ? t('orderDelete.cancelInstead') : t('orderDelete.cannotCancel')}
          </Alert>
        ) : (
          <>
            <DialogContentText>{t('orderDelete.confirmText')}</DialogContentText>
            {error ? <ApiErrorAlert error={error} /> : null}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {hasHistory ? (
          canCancel ? (
            <Button variant="contained" color="warning" onClick={onCancelInstead}>
              {t('orderDelete.cancelOrder')}
            </Button>
          ) : null
        ) : (
          <Button variant="contained" color="error" onClick={confirm} loading={isLoading} data-testid="delete-confirm">
            {t('orderDelete.delete')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
