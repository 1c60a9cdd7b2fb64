import { Box } from '@mui/material';
import TimerIcon from '@mui/icons-material/TimerOutlined';
import { useNow } from '../../../components/use-now';
import { useT } from '../../../i18n/i18n';
import { clock } from '../../../i18n/format';
import { elapsedTalkSeconds } from '../talk-time';

/**
 * The running talk time on the card. Its own component, so the tick every second re-renders these
 * few nodes and not the card. role="timer" is not announced on each tick; a screen reader reads it when asked.
 */
export function TalkTimer({ from }: { from: number }) {
  const t = useT();
  const now = useNow(1000);
  return (
    <Box
      role="timer"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, typography: 'body2', color: 'text.secondary' }}
      data-testid="talk-timer"
    >
      <TimerIcon fontSize="small" aria-hidden />
      {t('call.talkTimer', { time: clock(elapsedTalkSeconds(from, now.toMillis())) })}
    </Box>
  );
}
