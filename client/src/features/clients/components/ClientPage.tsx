import { useParams } from 'wouter';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useGetSettingsQuery } from '../../settings';
import { AuditLink } from '../../admin';
import { useGetClientQuery } from '../api/clients-api';
import { ClientEditButton } from './ClientEditButton';
import { ClientCallsList } from './ClientCallsList';
import { ClientContacts } from './ClientContacts';
import { ClientLocalTime } from './ClientLocalTime';
import { ClientNotes } from './ClientNotes';
import { ClientOrdersList } from './ClientOrdersList';
import { ClientPendingContacts } from './ClientPendingContacts';

export function ClientPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const { data: client, error, isLoading } = useGetClientQuery(id!);
  const { data: settings } = useGetSettingsQuery();
  if (isLoading) return <PageSkeleton />;
  if (!client)
    return (
      <Box sx={{ p: 2 }}>
        <ApiErrorAlert error={error} />
      </Box>
    );
  return (
    <Box sx={{ p: 2, display: 'grid', gridTemplateColumns: '380px minmax(0, 1fr)', gap: 2 }} data-testid="client-page">
      <Stack spacing={2}>
        <Paper sx={{ p: 2 }}>
          <Typography variant="h5" component="h1">
            {client.name}
          </Typography>
          <ClientContacts client={client} />
          <Box sx={{ my: 1 }}>
            <ClientLocalTime zone={client.timezone} hours={settings?.callingHours} />
          </Box>
          <Typography variant="body2">
            {t('client.manager')}: {client.managerName ?? t('client.noManager')}
          </Typography>
          {client.tags.length ? (
            <Typography variant="body2">
              {t('clientEdit.tags')}: {client.tags.join(', ')}
            </Typography>
          ) : null}
          <Typography variant="body2">
            {t('clientEdit.autoPayments')}: {client.autoPayments ? t('clients.on') : t('clients.off')}
          </Typography>
          <ClientEditButton client={client} />
          <AuditLink objectType="client" objectId={client.id} />
        </Paper>
        <ClientPendingContacts client={client} />
        <Paper sx={{ p: 2 }}>
          <Typography variant="overline" component="h2">
            {t('client.notes')}
          </Typography>
          <ClientNotes client={client} />
        </Paper>
      </Stack>
      <Stack spacing={2}>
        <Paper sx={{ p: 2 }}>
          <Typography variant="overline" component="h2">
            {t('tabs.orders')}
          </Typography>
          <ClientOrdersList clientId={client.id} />
        </Paper>
        <Paper sx={{ p: 2 }}>
          <Typography variant="overline" component="h2">
            {t('tabs.orderCalls')}
          </Typography>
          <ClientCallsList clientId={client.id} kind="order" />
        </Paper>
        <Paper sx={{ p: 2 }}>
          <Typography variant="overline" component="h2">
            {t('tabs.taskCalls')}
          </Typography>
          <ClientCallsList clientId={client.id} kind="task" />
        </Paper>
      </Stack>
    </Box>
  );
}
