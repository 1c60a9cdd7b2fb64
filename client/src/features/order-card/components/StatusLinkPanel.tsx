import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  Snackbar,
  Stack,
  Typography,
} from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { Section } from './CardSection';
import {
  useCreateStatusLinkMutation,
  useGetStatusLinkQuery,
  useRevokeStatusLinkMutation,
} from '../api/status-link-api';

/**
 * The order's link to the customer's own page (status, how to pay, public notes, callback):
 * copy it, revoke it, or make one. Letters that use the "Status link" variable make it too.
 */
export function StatusLinkPanel({ orderId }: { orderId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { data: link, error: loadError } = useGetStatusLinkQuery(orderId);
  const [create, creating] = useCreateStatusLinkMutation();
  const [revoke, revoking] = useRevokeStatusLinkMutation();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t('statusLink.copied'));
    } catch {
      // Without clipboard permission the link stays on screen, to copy by hand.
      setNotice(url);
    }
  }

  async function confirmRevoke() {
    const result = await revoke(orderId);
    setConfirming(false);
    if (!('error' in result)) setNotice(t('statusLink.revoked'));
  }

  return (
    <Section title={t('statusLink.title')} id="status-link-title">
      <Stack spacing={0.75} data-testid="status-link">
        {link ? (
          <>
            <Link
              href={link.url}
              target="_blank"
              rel="noreferrer"
              variant="body2"
              sx={{ overflowWrap: 'anywhere' }}
              data-testid="status-link-url"
            >
              {link.url}
            </Link>
            <Typography variant="caption" color="text.secondary">
              {t('statusLink.createdAt', { date: fmt.dateTime(link.createdAt) })}
            </Typography>
            <Stack direction="row" spacing={0.75}>
              <Button size="small" variant="outlined" onClick={() => void copy(link.url)}>
                {t('statusLink.copy')}
              </Button>
              <Button size="small" color="error" onClick={() => setConfirming(true)}>
                {t('statusLink.revoke')}
              </Button>
            </Stack>
          </>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('statusLink.none')}
            </Typography>
            <Button
              size="small"
              variant="outlined"
              sx={{ alignSelf: 'flex-start' }}
              loading={creating.isLoading}
              onClick={() => void create(orderId)}
              disabled={link === undefined && !loadError}
            >
              {t('statusLink.create')}
            </Button>
          </>
        )}
        {loadError ? <ApiErrorAlert error={loadError} /> : null}
        {creating.error ? <ApiErrorAlert error={creating.error} onClose={creating.reset} /> : null}
        {revoking.error ? <ApiErrorAlert error={revoking.error} onClose={revoking.reset} /> : null}
      </Stack>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="revoke-status-link-title">
        <DialogTitle id="revoke-status-link-title">{t('statusLink.revokeTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('statusLink.revokeEffect')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('statusLink.keep')}</Button>
          <Button color="error" variant="contained" loading={revoking.isLoading} onClick={() => void confirmRevoke()}>
            {t('statusLink.revoke')}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Section>
  );
}
