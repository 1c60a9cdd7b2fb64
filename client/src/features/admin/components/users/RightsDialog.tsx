import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { Right, User } from '@callboard/shared';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { useT } from '../../../../i18n/i18n';
import { useUpdateUserMutation } from '../../../users';
import { RightsPicker } from './RightsPicker';

export function RightsDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const [updateUser, { error, isLoading }] = useUpdateUserMutation();
  const [value, setValue] = useState<Right[]>(user.rights);
  async function save() {
    const result = await updateUser({ id: user.id, body: { rights: value } });
    if (!('error' in result)) onClose();
  }
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="rights-title">
      <DialogTitle id="rights-title">{t('users.rightsFor', { name: user.name })}</DialogTitle>
      <DialogContent dividers>
        <RightsPicker value={value} onChange={setValue} />
        {error ? <ApiErrorAlert error={error} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={save} loading={isLoading}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
