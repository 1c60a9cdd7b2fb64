import { Chip, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { DateTime } from 'luxon';
import type { FloorManager, FloorQueueItem } from '@callboard/shared';
import { useT } from '../../../i18n/i18n';
import { floorItemName } from '../floor-item';
import { spanText } from '../span';
import { ReportTable } from './ReportTable';

/** Each manager: signed in or not, what they hold and since when, and their calls today. */
export function FloorManagersTable({
  managers,
  queue,
  now,
}: {
  managers: FloorManager[];
  queue: FloorQueueItem[];
  now: DateTime;
}) {
  const t = useT();
  const byId = new Map(queue.map((item) => [item.itemId, item]));
  return (
    <ReportTable titleId="floor-managers-title" title={t('floor.managers')} testId="floor-managers">
      <TableHead>
        <TableRow>
          <TableCell>{t('floor.manager')}</TableCell>
          <TableCell>{t('floor.holding')}</TableCell>
          <TableCell align="right">{t('floor.callsToday')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {managers.map((m) => {
          const held = m.holding ? byId.get(m.holding.itemId) : undefined;
          const what = held ? floorItemName(held, t) : m.holding ? t(`floor.kind.${m.holding.kind}`) : '';
          return (
            <TableRow key={m.id} data-testid={`floor-manager-${m.id}`}>
              <TableCell>
                {m.name}{' '}
                <Chip
                  size="small"
                  variant="outlined"
                  color={m.signedIn ? 'success' : 'default'}
                  label={m.signedIn ? t('floor.signedIn') : t('floor.signedOut')}
                />
              </TableCell>
              <TableCell data-testid="holding">
                {m.holding
                  ? t('floor.holdingFor', {
                      what,
                      span: spanText((now.toMillis() - Date.parse(m.holding.since)) / 1000, t),
                    })
                  : '—'}
              </TableCell>
              <TableCell align="right" data-testid="calls-today">
                {m.callsToday}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </ReportTable>
  );
}
