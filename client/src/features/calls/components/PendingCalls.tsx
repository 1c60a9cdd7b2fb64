import { useEffect } from 'react';
import { Link as RouterLink } from 'wouter';
import { Button, Chip, CircularProgress, Stack } from '@mui/material';
import { useAppDispatch, useAppSelector } from '../../../app/store';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { callDismissed, type PendingCall } from '../../call-outbox';
import { sendCall } from '../send-call';

/**
 * The call outbox on the workbench: saves still on their way, and any that failed with what to do
 * about them. Leaving the page while one is unsaved asks first.
 */
export function PendingCalls() {
  const t = useT();
  const dispatch = useAppDispatch();
  const outbox = useAppSelector((s) => s.callOutbox);

  useEffect(() => {
    if (outbox.length === 0) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [outbox.length]);

  if (outbox.length === 0) return null;
  const retry = ({ key, target, body, clientName }: PendingCall) =>
    void dispatch(sendCall({ key, target, body, clientName }));

  return (
    <Stack spacing={1} sx={{ px: 1.5, pt: 1 }} data-testid="pending-calls">
      {outbox.map((call) =>
        call.state === 'saving' ? (
          <Chip
            key={call.key}
            size="small"
            variant="outlined"
            icon={<CircularProgress size={12} aria-hidden />}
            label={t('call.outbox.saving', { name: call.clientName })}
            sx={{ alignSelf: 'flex-start' }}
          />
        ) : (
          <ApiErrorAlert
            key={call.key}
            error={call.error}
            title={t('call.outbox.failed', { name: call.clientName })}
            action={
              <Stack direction="row" spacing={1}>
                <Button color="inherit" size="small" onClick={() => retry(call)}>
                  {t('call.outbox.retry')}
                </Button>
                {call.target.orderId ? (
                  <Button color="inherit" size="small" component={RouterLink} to={`/orders/${call.target.orderId}`}>
                    {t('call.outbox.open')}
                  </Button>
                ) : null}
                <Button color="inherit" size="small" onClick={() => dispatch(callDismissed(call.key))}>
                  {t('call.outbox.dismiss')}
                </Button>
              </Stack>
            }
          />
        ),
      )}
    </Stack>
  );
}
