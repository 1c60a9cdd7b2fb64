import type { Ref } from 'react';
import { Link as RouterLink } from 'wouter';
import {
  Box,
  Chip,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { DateTime } from 'luxon';
import type { FloorQueueItem } from '@callboard/shared';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useT, type Translate } from '../../../i18n/i18n';
import { useFormat, type Formatters } from '../../../i18n/format';
import { dueReasonText } from '../../queue';
import { floorItemName } from '../floor-item';
import { spanText } from '../span';
import { ReleaseClaim } from './ReleaseClaim';

type Props = {
  items: FloorQueueItem[];
  /** Every due item, of which `items` are the first offered. */
  total: number;
  canRelease: boolean;
  now: DateTime;
  onReleased: () => void;
  headingRef: Ref<HTMLHeadingElement>;
};

function reasonOf(item: FloorQueueItem, t: Translate, fmt: Formatters): string {
  // The task's title is not on the floor; its row names the client and order instead.
  return item.why.kind === 'task' ? t('floor.reasonTask') : dueReasonText({ ...item, taskTitle: null }, t, fmt);
}

const seconds = (from: string, now: DateTime) => (now.toMillis() - Date.parse(from)) / 1000;

/** The due queue as the supervisor sees it: why each is due, how long it waits, the client's clock, who holds it. */
export function FloorQueueTable({ items, total, canRelease, now, onReleased, headingRef }: Props) {
  const t = useT();
  const fmt = useFormat();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Typography variant="h6" component="h2" id="floor-queue-title" tabIndex={-1} ref={headingRef}>
        {t('floor.queue')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {items.length < total ? t('floor.queueShown', { shown: items.length, total }) : t('floor.queueAll')}
      </Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary">{t('floor.queueEmpty')}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-labelledby="floor-queue-title" data-testid="floor-queue">
            <TableHead>
              <TableRow>
                <TableCell>{t('floor.item')}</TableCell>
                <TableCell>{t('floor.why')}</TableCell>
                <TableCell>{t('floor.waiting')}</TableCell>
                <TableCell>{t('floor.clientTime')}</TableCell>
                <TableCell>{t('floor.heldBy')}</TableCell>
                {canRelease ? (
                  <TableCell>
                    <Box component="span" sx={visuallyHidden}>
                      {t('floor.actions')}
                    </Box>
                  </TableCell>
                ) : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => {
                const name = floorItemName(item, t);
                return (
                  <TableRow key={item.itemId} data-testid={`floor-item-${item.itemId}`}>
                    <TableCell>
                      {item.orderId ? (
                        <Link component={RouterLink} to={`/orders/${item.orderId}`}>
                          {name}
                        </Link>
                      ) : (
                        name
                      )}
                      <Typography variant="body2" color="text.secondary">
                        {item.clientName}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {reasonOf(item, t, fmt)}
                      {item.outsideCallingHours ? (
                        <Chip size="small" variant="outlined" label={t('floor.outsideHours')} sx={{ ml: 1 }} />
                      ) : null}
                    </TableCell>
                    <TableCell>
                      {spanText(seconds(item.waitingSince, now), t)}
                      <Typography variant="body2" color="text.secondary">
                        {t('floor.since', { when: fmt.dateTime(item.waitingSince) })}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {item.clientTimeZone ? (
                        <>
                          {now.setZone(item.clientTimeZone).toFormat('HH:mm')}
                          <Typography variant="body2" color="text.secondary">
                            {item.clientTimeZone}
                          </Typography>
                        </>
                      ) : (
                        (item.clientLocalTime ?? '—')
                      )}
                    </TableCell>
                    <TableCell data-testid="held-by">
                      {item.heldBy
                        ? t('floor.heldFor', {
                            name: item.heldBy.name,
                            span: spanText(seconds(item.heldBy.since, now), t),
                          })
                        : '—'}
                    </TableCell>
                    {canRelease ? (
                      <TableCell>
                        {item.heldBy ? (
                          <ReleaseClaim
                            itemId={item.itemId}
                            what={name}
                            holder={item.heldBy.name}
                            onReleased={onReleased}
                          />
                        ) : null}
                      </TableCell>
                    ) : null}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
