import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useListUsersQuery, useUpdateUserMutation } from '../../users';
import { CreateUserDialog } from './users/CreateUserDialog';
import { DisableDialog } from './users/DisableDialog';
import { RightsDialog } from './users/RightsDialog';
import { UsersTable, type Open } from './users/UsersTable';

export function UsersPage() {
  const t = useT();
  const { data: me } = useGetMeQuery();
  const { data: users, isLoading, error } = useListUsersQuery();
  const [updateUser, roleChange] = useUpdateUserMutation();
  const [open, setOpen] = useState<Open>(null);

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {t('users.intro')}
        </Typography>
        <Button variant="contained" onClick={() => setOpen({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </Stack>
      {roleChange.error ? <ApiErrorAlert error={roleChange.error} onClose={roleChange.reset} /> : null}
      {isLoading ? (
        <ListSkeleton />
      ) : error ? (
        <ApiErrorAlert error={error} />
      ) : (
        <UsersTable
          users={users ?? []}
          meId={me?.id}
          onOpen={setOpen}
          onRoleChange={(user, role) => updateUser({ id: user.id, body: { role } })}
        />
      )}
      {open?.kind === 'create' ? <CreateUserDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'rights' ? <RightsDialog user={open.user} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'disable' ? <DisableDialog user={open.user} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
