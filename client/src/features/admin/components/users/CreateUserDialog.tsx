import { useState, type FormEvent } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { createUserBody, roles, type Right, type Role } from '@callboard/shared';
import { FormDialog } from '../../../../components/FormDialog';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { useCreateUserMutation } from '../../../users';
import { invalidPaths } from '../../zod-issues';
import { RightsPicker } from './RightsPicker';

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
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
    <FormDialog
      titleId="create-user-title"
      title={t('users.create')}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={submit}
      noValidate
      error={error}
      submitLabel={t('users.createSave')}
      submitting={isLoading}
      submitTestId="create-user-save"
    >
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
    </FormDialog>
  );
}
