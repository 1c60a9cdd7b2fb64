import { TextField } from '@mui/material';
import { useNow } from '../../../components/use-now';
import { useT } from '../../../i18n/i18n';
import { clock } from '../../../i18n/format';
import { elapsedTalkSeconds, parseTalkTime } from '../talk-time';

export type TalkTimeFieldProps = {
  /** When the talk time started (claim or phone link), or null: nothing measured. */
  from: number | null;
  /** What the manager typed; null while the field follows the running timer. */
  value: string | null;
  onChange: (value: string) => void;
};

/**
 * The call's talk time in minutes:seconds: it runs with the card's timer until the manager types,
 * then keeps what was typed. Ticking here leaves the rest of the dialog still.
 */
export function TalkTimeField({ from, value, onChange }: TalkTimeFieldProps) {
  const t = useT();
  const now = useNow(1000);
  const shown = value ?? (from !== null ? clock(elapsedTalkSeconds(from, now.toMillis())) : '');
  const invalid = value !== null && parseTalkTime(value) === null;
  return (
    <TextField
      label={t('call.talkTime')}
      value={shown}
      onChange={(e) => onChange(e.target.value)}
      error={invalid}
      helperText={
        invalid ? t('call.talkTimeInvalid') : value === null && from !== null ? t('call.talkTimeRunning') : ' '
      }
      size="small"
      sx={{ maxWidth: 280 }}
      slotProps={{ htmlInput: { inputMode: 'numeric', placeholder: 'mm:ss', 'data-testid': 'talk-time' } }}
    />
  );
}
