import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { Box, Button, Paper, Typography } from '@mui/material';
import { styled } from '@mui/material/styles';
import { LazyApiErrorAlert } from '../../../components/LazyApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useLoginMutation } from '../../session';
import { PreferenceSwitches } from '../../../app/PreferenceSwitches';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user away. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

const Label = styled('label')(({ theme }) => ({ ...theme.typography.body2, fontWeight: 500 }));

/**
 * A native input drawn like the app's outlined fields. Not MUI's inputs: InputBase, OutlinedInput,
 * InputLabel and FormControl are ~9 kB gzip the first screen would load for two fields, and the
 * screens behind sign-in fetch them anyway.
 */
const Input = styled('input')(({ theme }) => ({
  ...theme.typography.body1,
  color: 'inherit',
  background: 'transparent',
  padding: theme.spacing(1, 1.5),
  border: `1px solid ${(theme.vars ?? theme).palette.divider}`,
  borderRadius: theme.shape.borderRadius,
  '&:hover': { borderColor: (theme.vars ?? theme).palette.text.primary },
  '&:focus': {
    outline: `2px solid ${(theme.vars ?? theme).palette.primary.main}`,
    outlineOffset: -1,
    borderColor: 'transparent',
  },
}));

function LoginField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} {...input} />
    </Box>
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
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}
    >
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 380 }} aria-labelledby="login-title">
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography id="login-title" variant="h5" component="h1">
              {t('login.title')}
            </Typography>
            <PreferenceSwitches />
          </Box>
          {error ? <LazyApiErrorAlert error={error} /> : null}
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
        </Box>
      </Paper>
    </Box>
  );
}
