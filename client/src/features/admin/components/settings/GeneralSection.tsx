import { MenuItem, TextField } from '@mui/material';
import { locales, type Settings } from '@callboard/shared';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { TimeZoneField } from '../../../../components/TimeZoneField';
import { Section } from './Section';
import type { SectionProps } from './settings-draft';

/**
 * The company name, how customers reach it, the default language, the call centre's time zone (its
 * reports' days), the review-request delay and the upload limit.
 */
export function GeneralSection({ draft, set, field }: SectionProps) {
  const t = useT();
  return (
    <Section title={t('settings.section.general')}>
      <TextField
        label={t('settings.companyName')}
        value={draft.companyName}
        onChange={(e) => set({ companyName: e.target.value })}
        {...field(['companyName'], 'settings.companyName.effect', 'settings.companyName.invalid')}
      />
      <TextField
        multiline
        minRows={2}
        label={t('settings.customerContact')}
        value={draft.customerContact}
        onChange={(e) => set({ customerContact: e.target.value })}
        {...field(['customerContact'], 'settings.customerContact.effect', 'settings.customerContact.invalid')}
        sx={{ maxWidth: 520 }}
        slotProps={{ htmlInput: { 'data-testid': 'settings-customer-contact' } }}
      />
      <TextField
        select
        label={t('settings.defaultLocale')}
        value={draft.defaultLocale}
        onChange={(e) => set({ defaultLocale: e.target.value as Settings['defaultLocale'] })}
        helperText={t('settings.defaultLocale.effect')}
        sx={{ maxWidth: 520 }}
      >
        {locales.map((l) => (
          <MenuItem key={l} value={l}>
            {t(`settings.locale.${l}` as MessageKey)}
          </MenuItem>
        ))}
      </TextField>
      <TimeZoneField
        label={t('settings.timeZone')}
        value={draft.timeZone}
        onChange={(zone) => zone && set({ timeZone: zone })}
        helperText={t('settings.timeZone.effect')}
        disableClearable
        sx={{ maxWidth: 520 }}
      />
      <TextField
        type="number"
        label={t('settings.reviewDelay')}
        value={draft.reviewRequestDelayDays}
        onChange={(e) => set({ reviewRequestDelayDays: e.target.value })}
        {...field(['reviewRequestDelayDays'], 'settings.reviewDelay.effect', 'settings.reviewDelay.invalid')}
        sx={{ maxWidth: 520 }}
      />
      <TextField
        type="number"
        label={t('settings.uploadMax')}
        value={draft.uploadMaxMb}
        onChange={(e) => set({ uploadMaxMb: e.target.value })}
        {...field(['uploadMaxBytes'], 'settings.uploadMax.effect', 'settings.uploadMax.invalid')}
        slotProps={{ htmlInput: { step: 'any' } }}
        sx={{ maxWidth: 520 }}
      />
    </Section>
  );
}
