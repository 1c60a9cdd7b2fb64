import { useRef } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useNow } from '../../../components/use-now';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useGetFloorQuery } from '../api/reports-api';
import { FigureList } from './FigureList';
import { FloorManagersTable } from './FloorManagersTable';
import { FloorQueueTable } from './FloorQueueTable';
import { ReportsGate } from './ReportsGate';

/**
 * Live events refetch the floor (it carries the queue's tag); the poll is the fallback for a
 * stream that is down or a proxy that buffers it.
 */
const POLL_MS = 30_000;

function Floor() {
  const t = useT();
  const { data: me } = useGetMeQuery();
  const { data, error, isLoading } = useGetFloorQuery(undefined, { pollingInterval: POLL_MS });
  // "held for 3 min" and the clients' clocks move on between refetches.
  const now = useNow(15_000);
  const queueHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">
        {t('floor.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('floor.live')}
      </Typography>
      {error ? <ApiErrorAlert error={error} /> : null}
      {isLoading ? <PageSkeleton /> : null}
      {data ? (
        <Stack spacing={2}>
          <FigureList
            label={t('floor.totals')}
            figures={[
              { label: t('floor.totalDue'), value: String(data.totals.due), testId: 'total-due' },
              { label: t('floor.totalHeld'), value: String(data.totals.held), testId: 'total-held' },
              { label: t('floor.totalCalls'), value: String(data.totals.callsToday), testId: 'total-calls' },
              { label: t('floor.totalReached'), value: String(data.totals.reachedToday), testId: 'total-reached' },
            ]}
          />
          <FloorQueueTable
            items={data.queue}
            total={data.totals.due}
            canRelease={me?.role === 'admin'}
            now={now}
            onReleased={() => queueHeading.current?.focus()}
            headingRef={queueHeading}
          />
          <FloorManagersTable managers={data.managers} queue={data.queue} now={now} />
        </Stack>
      ) : null}
    </Box>
  );
}

/** Route /floor: what waits, who holds what, and today's totals, as it happens. */
export function FloorPage() {
  return (
    <ReportsGate>
      <Floor />
    </ReportsGate>
  );
}
