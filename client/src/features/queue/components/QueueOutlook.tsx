import { Stack, Typography } from '@mui/material';
import { DateTime, Duration } from 'luxon';
import { useLocale, useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useGetQueueOutlookQuery } from '../api/queue-api';

/** "4 hr, 30 min": how long until `iso`, to the minute. */
function waitUntil(iso: string, locale: string): string {
  const minutes = Math.max(1, Math.ceil(DateTime.fromISO(iso).diffNow('minutes').minutes));
  const wait = Duration.fromObject({ hours: Math.floor(minutes / 60), minutes: minutes % 60 }, { locale });
  return wait.removeZeros().toHuman({ unitDisplay: 'short' });
}

/**
 * Why the queue is empty for this manager, in words, so an empty workbench never looks broken:
 * calls waiting for their clients' calling hours, other managers' callbacks, or nothing planned yet.
 */
export function QueueOutlook() {
  const t = useT();
  const fmt = useFormat();
  const locale = useLocale();
  const { data } = useGetQueueOutlookQuery();
  if (!data) return null;
  const { outsideHours, heldForOthers, nextDueAt } = data;
  const lines: string[] = [];
  if (outsideHours.count > 0 && outsideHours.opensAt && outsideHours.zone) {
    lines.push(
      t(outsideHours.count === 1 ? 'outlook.outsideHoursOne' : 'outlook.outsideHoursMany', {
        count: outsideHours.more ? `${outsideHours.count}+` : outsideHours.count,
        time: fmt.time(outsideHours.opensAt, outsideHours.zone),
        zone: outsideHours.zone,
        wait: waitUntil(outsideHours.opensAt, locale),
      }),
    );
  }
  if (heldForOthers.count > 0 && heldForOthers.until) {
    lines.push(
      t(heldForOthers.count === 1 ? 'outlook.heldOne' : 'outlook.heldMany', {
        count: heldForOthers.count,
        time: fmt.time(heldForOthers.until),
      }),
    );
  }
  if (nextDueAt) {
    lines.push(t(lines.length ? 'outlook.nextElse' : 'outlook.next', { when: fmt.calendarTime(nextDueAt) }));
  } else if (!lines.length) {
    lines.push(t('outlook.nonePlanned'));
  }
  return (
    <Stack spacing={0.5} sx={{ mt: 2 }} data-testid="queue-outlook">
      {lines.map((line) => (
        <Typography key={line} color="text.secondary">
          {line}
        </Typography>
      ))}
    </Stack>
  );
}
