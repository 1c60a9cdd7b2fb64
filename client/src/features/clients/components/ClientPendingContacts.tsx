import { Link as RouterLink } from 'wouter';
import { Button, Link, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { Client } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useConfirmPendingContactMutation, useDismissPendingContactMutation } from '../api/clients-api';

/**
 * E-mails and phones a website order brought for this client. Anyone can type them into the shop,
 * so they are not the client's until a member of staff confirms one (or dismisses it).
 */
export function ClientPendingContacts({ client }: { client: Client }) {
  const t = useT();
  const fmt = useFormat();
  const [confirm, confirmState] = useConfirmPendingContactMutation();
  const [dismiss, dismissState] = useDismissPendingContactMutation();
  const pending = client.pendingContacts ?? [];
  if (pending.length === 0) return null;
  const busy = confirmState.isLoading || dismissState.isLoading;
  return (
    <Paper component="section" aria-labelledby="pending-contacts-title" sx={{ p: 2 }}>
      <Stack spacing={0.5}>
        <Typography variant="overline" component="h2" id="pending-contacts-title">
          {t('client.pending')}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('client.pendingHelp')}
        </Typography>
        <List dense disablePadding>
          {pending.map((p) => (
            <ListItem key={p.id} disableGutters sx={{ flexWrap: 'wrap', gap: 0.5 }} data-testid="pending-contact">
              <ListItemText
                primary={p.display}
                secondary={
                  <Link component={RouterLink} to={`/orders/${p.orderId}`}>
                    {t('client.pendingFrom', { number: p.orderNumber, date: fmt.date(p.receivedAt) })}
                  </Link>
                }
              />
              <Button
                size="small"
                variant="outlined"
                disabled={busy}
                aria-label={t('client.pendingConfirmLabel', { value: p.display })}
                onClick={() => confirm({ clientId: client.id, contactId: p.id })}
              >
                {t('client.pendingConfirm')}
              </Button>
              <Button
                size="small"
                disabled={busy}
                aria-label={t('client.pendingDismissLabel', { value: p.display })}
                onClick={() => dismiss({ clientId: client.id, contactId: p.id })}
              >
                {t('client.pendingDismiss')}
              </Button>
            </ListItem>
          ))}
        </List>
        {confirmState.error ? <ApiErrorAlert error={confirmState.error} onClose={confirmState.reset} /> : null}
        {dismissState.error ? <ApiErrorAlert error={dismissState.error} onClose={dismissState.reset} /> : null}
      </Stack>
    </Paper>
  );
}
