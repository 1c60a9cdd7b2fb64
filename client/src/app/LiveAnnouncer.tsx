import { Box } from '@mui/material';
import { visuallyHidden } from '../components/visually-hidden';
import { useT } from '../i18n/i18n';
import { useAppSelector } from './store';

/**
 * The shell's polite live region: always in the page, so screen readers hear what is put in it
 * (a region added together with its text is often not read). A new node per message, so the same
 * words twice are read twice.
 */
export function LiveAnnouncer() {
  const t = useT();
  const message = useAppSelector((s) => s.announcer);
  return (
    <Box role="status" aria-live="polite" sx={visuallyHidden} data-testid="announcer">
      {message ? <span key={message.seq}>{t(message.key, message.vars)}</span> : null}
    </Box>
  );
}
