import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { User } from '@callboard/shared';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { useT } from '../../../../i18n/i18n';
import { useUpdateUserMutation } from '../../../users';

/** Asks before a user is disabled (or enabled again). */
export function DisableDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const [updateUser, { error, isLoading }] = useUpdateUserMutation();
  const disabling = !user.disabled;
  async function confirm() {
    const result = await updateUser({ id: user.id, body: { disabled: disabling } });
    if (!('error' in result)) onClose();
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="disable-title">
      <DialogTitle id="disable-title">
        {t(disabling ? 'users.disableTitle' : 'users.enableTitle', { name: user.name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>{t(disabling ? 'users.disableText' : 'users.enableText')}</DialogContentText>
        {error ? <ApiErrorAlert error={error} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color={disabling ? 'error' : 'primary'}
          onClick={confirm}
          loading={isLoading}
          data-testid="disable-confirm"
        >
          {t(disabling ? 'users.disable' : 'users.enable')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
