import { Chip, Stack, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import type { Settings } from '@callboard/shared';
import { useNow } from '../../../components/use-now';
import { useLocale, useT } from '../../../i18n/i18n';

export function withinHours(local: DateTime, hours: Settings['callingHours']): boolean {
  const hm = local.toFormat('HH:mm');
  return hm >= hours.start && hm < hours.end;
}

/** The client's wall clock, ticking, and whether a call now falls inside the calling hours. */
export function ClientLocalTime({ zone, hours }: { zone: string | null; hours: Settings['callingHours'] | undefined }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(1000);
  if (!zone)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('client.noZone')}
      </Typography>
    );
  const local = now.setZone(zone).setLocale(locale);
  const inside = hours ? withinHours(local, hours) : null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="client-local-time">
      <Typography variant="body2">
        {t('client.localTime', { time: local.toLocaleString(DateTime.TIME_WITH_SECONDS), zone })}
      </Typography>
      {inside === null ? null : (
        <Chip
          color={inside ? 'success' : 'warning'}
          label={inside ? t('client.insideHours') : t('client.outsideHours', { start: hours!.start, end: hours!.end })}
        />
      )}
    </Stack>
  );
}
