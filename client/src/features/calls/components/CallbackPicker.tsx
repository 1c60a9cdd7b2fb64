import { Button, FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { fromInputValue, toInputValue } from '../../../components/datetime-input';
import { useLocale, useT } from '../../../i18n/i18n';

export type CallbackPickerProps = {
  value: DateTime | null;
  onChange: (value: DateTime | null) => void;
  required: boolean;
  clientZone: string | null;
  now: DateTime;
  /** "For me": only this manager may take the call until the grace period after its time has passed. */
  personal: boolean;
  onPersonalChange: (personal: boolean) => void;
  graceMinutes: number | null;
};

/** The time is entered in the manager's zone; the client's wall-clock time is shown beside it. */
export function CallbackPicker({
  value,
  onChange,
  required,
  clientZone,
  now,
  personal,
  onPersonalChange,
  graceMinutes,
}: CallbackPickerProps) {
  const t = useT();
  const locale = useLocale();
  const past = value !== null && value <= now;
  const quick: { label: string; at: () => DateTime }[] = [
    { label: t('callback.plus1h'), at: () => now.plus({ hours: 1 }).startOf('minute') },
    { label: t('callback.plus2h'), at: () => now.plus({ hours: 2 }).startOf('minute') },
    {
      label: t('callback.tomorrow10'),
      at: () => now.plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }),
    },
  ];
  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          type="datetime-local"
          label={t('callback.label')}
          required={required}
          value={value ? toInputValue(value) : ''}
          onChange={(e) => onChange(e.target.value ? fromInputValue(e.target.value) : null)}
          error={past || (required && !value)}
          helperText={past ? t('callback.past') : required && !value ? t('callback.required') : ' '}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { min: toInputValue(now), 'data-testid': 'callback-input' },
          }}
        />
        {quick.map((q) => (
          <Button key={q.label} size="small" variant="outlined" onClick={() => onChange(q.at())}>
            {q.label}
          </Button>
        ))}
      </Stack>
      {value ? (
        <Typography variant="body2" color="text.secondary" data-testid="callback-times">
          {t('callback.yourTime', { time: value.setLocale(locale).toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY) })}
          {clientZone
            ? ` · ${t('callback.clientTime', {
                time: value.setZone(clientZone).setLocale(locale).toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY),
                zone: clientZone,
              })}`
            : ''}
        </Typography>
      ) : null}
      {value || required ? (
        <RadioGroup
          row
          aria-label={t('callback.forWhom')}
          value={personal ? 'me' : 'team'}
          onChange={(e) => onPersonalChange(e.target.value === 'me')}
          data-testid="callback-for"
        >
          <FormControlLabel
            value="me"
            control={<Radio size="small" />}
            label={`${t('callback.forMe')}${graceMinutes ? ` · ${t('callback.forMeHelp', { minutes: graceMinutes })}` : ''}`}
          />
          <FormControlLabel
            value="team"
            control={<Radio size="small" />}
            label={`${t('callback.forTeam')} · ${t('callback.forTeamHelp')}`}
          />
        </RadioGroup>
      ) : null}
    </Stack>
  );
}
