import { Link as RouterLink } from 'wouter';
import { Box, Link, Stack, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { clock, useFormat } from '../../../i18n/format';
import { Recordings } from '../../../components/Recordings';
import { useGetClientCallsQuery } from '../api/clients-api';

export function ClientCallsList({ clientId, kind }: { clientId: string; kind: 'order' | 'task' }) {
  const t = useT();
  const fmt = useFormat();
  const { data, isLoading, error } = useGetClientCallsQuery({ clientId, kind });
  if (isLoading) return <ListSkeleton />;
  if (error) return <ApiErrorAlert error={error} />;
  if (!data?.items.length) return <Typography color="text.secondary">{t('common.none')}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, p: 0 }}>
      {data.items.map((c) => (
        <Box component="li" key={c.id} sx={{ listStyle: 'none', py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t(`outcome.${c.outcome}` as MessageKey)}
              {c.talkSeconds != null ? ` · ${t('call.talked', { time: clock(c.talkSeconds) })}` : null}
              {c.orderId ? (
                <>
                  {' · '}
                  <Link component={RouterLink} to={`/orders/${c.orderId}`}>
                    {t('client.openOrder')}
                  </Link>
                </>
              ) : null}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {c.by.name} · {fmt.dateTime(c.at)}
            </Typography>
          </Stack>
          {c.comment ? <Typography variant="body2">{c.comment}</Typography> : null}
          <Recordings attachments={c.attachments} />
        </Box>
      ))}
    </Box>
  );
}
