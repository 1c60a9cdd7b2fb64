import { Alert, Box, LinearProgress, List, ListItem, Stack, Typography } from '@mui/material';
import type { BulkJob, BulkSkipped } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { ordersBulkApi, useGetBulkJobQuery } from '../api/orders-bulk-api';

const pollMs = 700;

function skipText(t: ReturnType<typeof useT>, job: BulkJob, s: BulkSkipped): string {
  const target = job.action.type === 'status' ? t(`status.${job.action.status}` as MessageKey) : '';
  const reason =
    s.reason === 'transition_not_allowed'
      ? t('bulk.reason.transition_not_allowed', {
          from: t(`status.${s.status ?? 'pending'}` as MessageKey),
          to: target,
        })
      : t(`bulk.reason.${s.reason}` as MessageKey);
  return s.number === null ? reason : `#${s.number}: ${reason}`;
}

/** A bulk job followed until it finishes, then what it changed and what it left, with the reasons. */
export function BulkJobProgress({ jobId }: { jobId: string }) {
  const t = useT();
  // Followed while it runs, even from a tab in the background; left alone once it has finished.
  const cached = ordersBulkApi.endpoints.getBulkJob.useQueryState(jobId);
  const running = !cached.data || cached.data.state === 'running';
  const { data: job, error } = useGetBulkJobQuery(jobId, {
    pollingInterval: running ? pollMs : 0,
    skipPollingIfUnfocused: false,
  });
  if (error) return <ApiErrorAlert error={error} />;
  if (!job) return <LinearProgress aria-label={t('bulk.progress')} />;
  const skipped = job.done - job.changed;
  if (job.state === 'running') {
    return (
      <Stack spacing={1} data-testid="bulk-progress">
        <LinearProgress
          variant="determinate"
          value={job.total ? (100 * job.done) / job.total : 0}
          aria-label={t('bulk.progress')}
        />
        <Typography variant="body2">{t('bulk.doneOf', { done: job.done, total: job.total })}</Typography>
      </Stack>
    );
  }
  const severity = job.state === 'failed' ? 'error' : skipped ? 'warning' : 'success';
  return (
    <Stack spacing={1} data-testid="bulk-summary">
      <Alert severity={severity}>
        {job.state === 'failed' ? `${t(`bulk.failed.${job.error ?? 'error'}` as MessageKey)} ` : null}
        {t('bulk.summary', { changed: job.changed, skipped })}
      </Alert>
      {job.skipped.length ? (
        <Box sx={{ maxHeight: 240, overflow: 'auto' }} tabIndex={0} aria-label={t('bulk.skippedList')} role="region">
          <List dense disablePadding>
            {job.skipped.map((s) => (
              <ListItem key={s.orderId} disableGutters>
                {skipText(t, job, s)}
              </ListItem>
            ))}
          </List>
          {skipped > job.skipped.length ? (
            <Typography variant="body2" color="text.secondary">
              {t('bulk.moreSkipped', { count: skipped - job.skipped.length })}
            </Typography>
          ) : null}
        </Box>
      ) : null}
    </Stack>
  );
}
