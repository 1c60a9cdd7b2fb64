import { Box, FormControlLabel, MenuItem, Stack, Switch, TextField, Typography } from '@mui/material';
import { orderStatuses, type OrderStatus } from '@callboard/shared';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { Section } from './Section';
import type { SectionProps } from './settings-draft';

/** Calling hours, the callback grace, the claim time and the cap on unanswered attempts. */
export function CallsSection({ draft, set, field }: SectionProps) {
  const t = useT();
  const hours = field(
    ['callingHours', 'callingHours.start', 'callingHours.end'],
    'settings.callingHours.effect',
    'settings.callingHours.invalid',
  );
  return (
    <Section title={t('settings.section.calls')}>
      <Stack direction="row" spacing={2}>
        <TextField
          type="time"
          label={t('settings.callingHours.start')}
          value={draft.start}
          onChange={(e) => set({ start: e.target.value })}
          error={hours.error}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 160 }}
        />
        <TextField
          type="time"
          label={t('settings.callingHours.end')}
          value={draft.end}
          onChange={(e) => set({ end: e.target.value })}
          error={hours.error}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 160 }}
        />
      </Stack>
      <Typography
        variant="caption"
        color={hours.error ? 'error' : 'text.secondary'}
        sx={{ mt: '4px !important' }}
        data-testid="calling-hours-help"
      >
        {hours.helperText}
      </Typography>
      <TextField
        type="number"
        label={t('settings.callbackGrace')}
        value={draft.callbackGraceMinutes}
        onChange={(e) => set({ callbackGraceMinutes: e.target.value })}
        {...field(['callbackGraceMinutes'], 'settings.callbackGrace.effect', 'settings.callbackGrace.invalid')}
        sx={{ maxWidth: 520 }}
      />
      <TextField
        type="number"
        label={t('settings.claimMinutes')}
        value={draft.claimMinutes}
        onChange={(e) => set({ claimMinutes: e.target.value })}
        {...field(['claimMinutes'], 'settings.claimMinutes.effect', 'settings.claimMinutes.invalid')}
        sx={{ maxWidth: 520 }}
      />
      <Box>
        <FormControlLabel
          control={<Switch checked={draft.capEnabled} onChange={(e) => set({ capEnabled: e.target.checked })} />}
          label={t('settings.attemptCap.enabled')}
        />
        <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
          <TextField
            type="number"
            label={t('settings.attemptCap.max')}
            value={draft.capMax}
            onChange={(e) => set({ capMax: e.target.value })}
            disabled={!draft.capEnabled}
            {...field(['attemptCap.maxNotReached'], 'settings.attemptCap.effect', 'settings.attemptCap.invalid')}
            sx={{ width: 380 }}
          />
          <TextField
            select
            label={t('settings.attemptCap.status')}
            value={draft.capStatus}
            onChange={(e) => set({ capStatus: e.target.value as OrderStatus })}
            disabled={!draft.capEnabled}
            sx={{ width: 200 }}
          >
            {orderStatuses.map((s) => (
              <MenuItem key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Box>
    </Section>
  );
}
