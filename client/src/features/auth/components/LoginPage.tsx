import { useId, useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import {
  Box,
  Button,
  FormControl,
  InputLabel,
  OutlinedInput,
  Paper,
  Stack,
  Typography,
  type OutlinedInputProps,
} from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useLoginMutation } from '../api/auth-api';
import { PreferenceSwitches } from '../../../app/PreferenceSwitches';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user away. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/**
 * What TextField renders for an outlined text input, built from its parts: TextField always bundles
 * Select (with Menu, Popover and Modal), about 17 kB gzip that the first screen would load for nothing.
 */
function LoginField({ label, required, ...input }: { label: string } & OutlinedInputProps) {
  const id = useId();
  return (
    <FormControl size="small" required={required}>
      <InputLabel htmlFor={id} id={`${id}-label`}>
        {label}
      </InputLabel>
      <OutlinedInput id={id} label={label} {...input} />
    </FormControl>
  );
}

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const [login, { isLoading, error }] = useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await login({ email, password });
    if (!('error' in result)) navigate(safeNext(params.get('next')), { replace: true });
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 380 }} aria-labelledby="login-title">
        <Stack spacing={2}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography id="login-title" variant="h5" component="h1">
              {t('login.title')}
            </Typography>
            <PreferenceSwitches />
          </Stack>
          {error ? <ApiErrorAlert error={error} /> : null}
          <LoginField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <LoginField
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="contained" loading={isLoading}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
