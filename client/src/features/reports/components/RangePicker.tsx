import { Stack, TextField, Typography } from '@mui/material';
import type { DateTime } from 'luxon';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { presetRange, rangePresets, rangeProblem, type RangePreset, type RangeValue } from '../range';

export type RangePickerProps = {
  value: RangeValue;
  onChange: (value: RangeValue) => void;
  /** The call centre's zone: what "today" means. */
  zone: string;
  /** Read when a preset is chosen (passed in, so what a preset gives can be tested at a fixed moment). */
  now: () => DateTime;
};

/** Today, yesterday, this week, the last 30 days or any from–to, as dates in the call centre's zone. */
export function RangePicker({ value, onChange, zone, now }: RangePickerProps) {
  const t = useT();
  const fmt = useFormat();
  const problem = value.preset === 'custom' ? rangeProblem(value) : null;
  const choose = (preset: RangePreset) =>
    onChange(preset === 'custom' ? { ...value, preset } : { preset, ...presetRange(preset, now(), zone) });
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        select
        size="small"
        label={t('dashboard.period')}
        value={value.preset}
        onChange={(e) => choose(e.target.value as RangePreset)}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'range-preset' } }}
        sx={{ minWidth: 180 }}
      >
        {rangePresets.map((p) => (
          <option key={p} value={p}>
            {t(`dashboard.preset.${p}` as MessageKey)}
          </option>
        ))}
      </TextField>
      {value.preset === 'custom' ? (
        <>
          <TextField
            type="date"
            size="small"
            label={t('dashboard.from')}
            value={value.from}
            onChange={(e) => onChange({ ...value, from: e.target.value })}
            error={problem !== null}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'range-from' } }}
          />
          <TextField
            type="date"
            size="small"
            label={t('dashboard.to')}
            value={value.to}
            onChange={(e) => onChange({ ...value, to: e.target.value })}
            error={problem !== null}
            helperText={problem ? t(`dashboard.rangeProblem.${problem}` as MessageKey) : undefined}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'range-to' } }}
          />
        </>
      ) : null}
      {problem ? null : (
        <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }} data-testid="range-shown">
          {/* Calendar days, not instants: shown as written, in no zone of their own. */}
          {value.from === value.to
            ? t('dashboard.rangeOneDay', { day: fmt.date(value.from, 'utc'), zone })
            : t('dashboard.rangeDays', { from: fmt.date(value.from, 'utc'), to: fmt.date(value.to, 'utc'), zone })}
        </Typography>
      )}
    </Stack>
  );
}
