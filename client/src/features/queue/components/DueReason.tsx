import { Chip, Stack, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { useNow } from '../../../components/use-now';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import type { OpenItem } from '../workbench-slice';
import { dueReasonText } from '../due-reason-text';

/** Why this item is due, and how long the claim still holds it for this manager. */
export function DueReason({ item }: { item: OpenItem }) {
  const t = useT();
  const fmt = useFormat();
  const now = useNow(1000);
  const reason = dueReasonText(item, t, fmt);
  const remaining = DateTime.fromISO(item.claimExpiresAt).diff(now, ['minutes', 'seconds']);
  const expired = remaining.toMillis() <= 0;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="due-reason">
        {reason}
      </Typography>
      <Chip
        color={expired ? 'error' : remaining.as('minutes') < 2 ? 'warning' : 'default'}
        label={expired ? t('claim.expired') : t('claim.remaining', { time: remaining.toFormat('mm:ss') })}
        data-testid="claim-remaining"
      />
    </Stack>
  );
}
