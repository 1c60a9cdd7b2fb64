import { useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { createUserBody, rights as allRights, roles, type Right, type Role, type User } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useCreateUserMutation, useListUsersQuery, useUpdateUserMutation } from '../../users';
import { invalidPaths } from '../zod-issues';

function RightsPicker({ value, onChange }: { value: Right[]; onChange: (rights: Right[]) => void }) {
  const t = useT();
  return (
    <FormGroup>
      <FormLabel component="legend">{t('users.rights')}</FormLabel>
      {allRights.map((right) => (
        <FormControlLabel
          key={right}
          control={
            <Checkbox
              checked={value.includes(right)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? allRights.filter((r) => r === right || value.includes(r))
                    : value.filter((r) => r !== right),
                )
              }
            />
          }
          label={t(`right.${right}` as MessageKey)}
        />
      ))}
      <Typography variant="caption" color="text.secondary">
        {t('users.rightsHelp')}
      </Typography>
    </FormGroup>
  );
}

function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [createUser, { error, isLoading }] = useCreateUserMutation();
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    role: 'manager' as Role,
    rights: [] as Right[],
  });
  const [submitted, setSubmitted] = useState(false);
  const check = createUserBody.safeParse({ ...form, rights: form.role === 'admin' ? [] : form.rights });
  const invalid = submitted ? invalidPaths(check.success ? undefined : check.error) : new Set<string>();
  const help = (path: string, problem: MessageKey, effect?: MessageKey) =>
    invalid.has(path) ? { error: true, helperText: t(problem) } : { helperText: effect ? t(effect) : undefined };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!check.success) return;
    const result = await createUser(check.data);
    if (!('error' in result)) onClose();
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="create-user-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="create-user-title">{t('users.create')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={1.5}>
            <TextField
              label={t('users.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              autoFocus
              required
              {...help('name', 'users.nameInvalid')}
            />
            <TextField
              label={t('login.email')}
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
              required
              {...help('email', 'users.emailInvalid')}
            />
            <TextField
              label={t('login.password')}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              required
              {...help('password', 'users.passwordInvalid', 'users.passwordHelp')}
            />
            <TextField
              select
              label={t('users.role')}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
              helperText={t(`role.${form.role}.help` as MessageKey)}
            >
              {roles.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`role.${r}` as MessageKey)}
                </MenuItem>
              ))}
            </TextField>
            {form.role === 'manager' ? (
              <RightsPicker value={form.rights} onChange={(rights) => setForm({ ...form, rights })} />
            ) : null}
            {error ? <ApiErrorAlert error={error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" loading={isLoading} data-testid="create-user-save">
            {t('users.createSave')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function RightsDialog({ user, onClose }: { user: User; onClose: () => void }) {
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

function DisableDialog({ user, onClose }: { user: User; onClose: () => void }) {
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

type Open = { kind: 'create' } | { kind: 'rights'; user: User } | { kind: 'disable'; user: User } | null;

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
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('users.name')}</TableCell>
              <TableCell>{t('login.email')}</TableCell>
              <TableCell>{t('users.role')}</TableCell>
              <TableCell>{t('users.rights')}</TableCell>
              <TableCell>{t('users.state')}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t('admin.actions')}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(users ?? []).map((user) => {
              const self = user.id === me?.id;
              return (
                // Greyed rather than faded: an opacity would take the text under 4.5:1.
                <TableRow
                  key={user.id}
                  sx={user.disabled ? { '& .MuiTableCell-root': { color: 'text.secondary' } } : undefined}
                  data-testid={`user-${user.email}`}
                >
                  <TableCell>{user.name}</TableCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>
                    <TextField
                      select
                      size="small"
                      value={user.role}
                      disabled={self}
                      onChange={(e) => updateUser({ id: user.id, body: { role: e.target.value as Role } })}
                      slotProps={{ htmlInput: { 'aria-label': t('users.roleOf', { name: user.name }) } }}
                    >
                      {roles.map((r) => (
                        <MenuItem key={r} value={r}>
                          {t(`role.${r}` as MessageKey)}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                  <TableCell>
                    {user.role === 'admin' ? (
                      <Typography variant="body2" color="text.secondary">
                        {t('users.allRights')}
                      </Typography>
                    ) : (
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                        {user.rights.map((r) => (
                          <Chip key={r} size="small" label={t(`right.${r}` as MessageKey)} />
                        ))}
                        <Button
                          size="small"
                          onClick={() => setOpen({ kind: 'rights', user })}
                          aria-label={t('users.editRights', { name: user.name })}
                        >
                          {t('users.grant')}
                        </Button>
                      </Stack>
                    )}
                  </TableCell>
                  <TableCell>{t(user.disabled ? 'users.disabled' : 'users.active')}</TableCell>
                  <TableCell align="right">
                    {self ? null : (
                      <Button
                        size="small"
                        color={user.disabled ? 'primary' : 'error'}
                        onClick={() => setOpen({ kind: 'disable', user })}
                      >
                        {t(user.disabled ? 'users.enable' : 'users.disable')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {open?.kind === 'create' ? <CreateUserDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'rights' ? <RightsDialog user={open.user} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'disable' ? <DisableDialog user={open.user} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
