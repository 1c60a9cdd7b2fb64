import { useState, type FormEvent } from 'react';
import { useParams } from 'wouter';
import { Autocomplete, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useGetSettingsQuery } from '../../settings';
import { useGetClientQuery, useUpdateClientMutation } from '../api/clients-api';
import { ClientCallsList } from './ClientCallsList';
import { ClientContacts } from './ClientContacts';
import { ClientLocalTime } from './ClientLocalTime';
import { ClientNotes } from './ClientNotes';
import { ClientOrdersList } from './ClientOrdersList';
import { ClientPendingContacts } from './ClientPendingContacts';

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function TimeZoneForm({ clientId, zone }: { clientId: string; zone: string | null }) {
  const t = useT();
  const [value, setValue] = useState<string | null>(zone);
  const [update, { isLoading, error, isSuccess }] = useUpdateClientMutation();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (value) await update({ id: clientId, body: { timezone: value } });
  }
  return (
    <Stack component="form" onSubmit={submit} spacing={1}>
      <Stack direction="row" spacing={1}>
        <Autocomplete
          options={zones}
          value={value}
          onChange={(_e, v) => setValue(v)}
          sx={{ flex: 1 }}
          renderInput={(params) => <TextField {...params} label={t('client.timezone')} />}
        />
        <Button type="submit" variant="outlined" loading={isLoading} disabled={!value || value === zone}>
          {t('common.save')}
        </Button>
      </Stack>
      {error ? (
        <ApiErrorAlert error={error} />
      ) : isSuccess ? (
        <Typography variant="caption">{t('common.saved')}</Typography>
      ) : null}
    </Stack>
  );
}

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
        </Paper>
        <ClientPendingContacts client={client} />
        <Paper sx={{ p: 2 }}>
          <TimeZoneForm key={client.timezone} clientId={client.id} zone={client.timezone} />
        </Paper>
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
