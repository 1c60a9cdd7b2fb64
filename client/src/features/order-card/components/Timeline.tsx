import { Box, Chip, Stack, Typography } from '@mui/material';
import type { CallAttachment, CallOutcome, TimelineItem } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { clock, useFormat } from '../../../i18n/format';
import { ListSkeleton } from '../../../components/Skeletons';
import { Recordings } from '../../../components/Recordings';
import { ActorKindTag } from '../../../components/ActorKindTag';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function Entry({ item }: { item: TimelineItem }) {
  const t = useT();
  const fmt = useFormat();
  const f = item as Record<string, unknown>;
  let title: string;
  let body: React.ReactNode = null;
  switch (item.type) {
    case 'call':
      title = t('timeline.call', { outcome: t(`outcome.${str(f.outcome) as CallOutcome}` as MessageKey) });
      if (typeof f.talkSeconds === 'number') title += ` · ${t('call.talked', { time: clock(f.talkSeconds) })}`;
      body = (
        <>
          {f.comment ? <Typography variant="body2">{str(f.comment)}</Typography> : null}
          {f.nextCallAt ? (
            <Typography variant="caption" color="text.secondary">
              {t('timeline.nextCall', { when: fmt.dateTime(str(f.nextCallAt)) })}
            </Typography>
          ) : null}
          <Recordings attachments={f.attachments as CallAttachment[] | undefined} />
        </>
      );
      break;
    case 'status':
      title = t('timeline.status', {
        from: t(`status.${str(f.from)}` as MessageKey),
        to: t(`status.${str(f.to)}` as MessageKey),
      });
      body = f.message ? <Typography variant="body2">{str(f.message)}</Typography> : null;
      break;
    case 'note':
      title = f.visibility === 'public' ? t('timeline.notePublic') : t('timeline.notePrivate');
      body = (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {str(f.text)}
        </Typography>
      );
      break;
    case 'letter':
      title = t('timeline.letter', { subject: str(f.subject) });
      body = (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip
            label={t(`letterStatus.${str(f.status)}` as MessageKey)}
            color={f.status === 'sent' ? 'success' : f.status === 'failed' ? 'error' : 'default'}
            data-testid="letter-status"
          />
          <Typography variant="caption">{t('timeline.letterTo', { to: str(f.to) })}</Typography>
          {f.error ? (
            <Typography variant="caption" color="error">
              {str(f.error)}
            </Typography>
          ) : null}
        </Stack>
      );
      break;
    case 'payment':
      title = t('timeline.payment', {
        amount: fmt.money(Number(f.amount), str(f.currency) || 'EUR'),
        method: t(`payment.${str(f.method)}` as MessageKey),
      });
      body = f.comment ? <Typography variant="body2">{str(f.comment)}</Typography> : null;
      break;
    case 'task':
      title = t('timeline.task', { title: str(f.title) });
      break;
    case 'attachment':
      title = t('timeline.attachment');
      body = <Recordings attachments={f.attachment ? [f.attachment as CallAttachment] : []} />;
      break;
    default:
      title = str(f.text);
  }
  return (
    <Box
      component="li"
      sx={{ py: 0.75, borderBottom: 1, borderColor: 'divider', listStyle: 'none' }}
      data-type={item.type}
    >
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
        {/* pre-line: an edit's entry says each changed field on its own line. */}
        <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'pre-line' }}>
          {title}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {item.by.name}
          <ActorKindTag type={item.by.type} hidePerson /> · {fmt.dateTime(item.at)}
        </Typography>
      </Stack>
      {body}
    </Box>
  );
}

export function Timeline({ items, loading }: { items: TimelineItem[] | undefined; loading: boolean }) {
  const t = useT();
  if (loading) return <ListSkeleton />;
  if (!items?.length) return <Typography color="text.secondary">{t('timeline.empty')}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, p: 0 }} data-testid="timeline">
      {items.map((item) => (
        <Entry key={item.id} item={item} />
      ))}
    </Box>
  );
}
