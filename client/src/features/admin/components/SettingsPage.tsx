import { useMemo, useState, type FormEvent } from 'react';
import { Button, Snackbar, Stack, Typography } from '@mui/material';
import { settingsSchema, type Settings, type Template } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useListTemplatesQuery } from '../../letters';
import { useGetSettingsQuery, useUpdateSettingsMutation } from '../../settings';
import { invalidPaths } from '../zod-issues';
import { CallsSection } from './settings/CallsSection';
import { GeneralSection } from './settings/GeneralSection';
import { PaymentsSection } from './settings/PaymentsSection';
import { StatusEmailsSection } from './settings/StatusEmailsSection';
import { fromDraft, toDraft, type Draft, type FieldHelp } from './settings/settings-draft';

function SettingsForm({ settings, templates }: { settings: Settings; templates: Template[] }) {
  const t = useT();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState(false);
  const [updateSettings, { error, isLoading }] = useUpdateSettingsMutation();
  const candidate = useMemo(() => fromDraft(draft), [draft]);
  // The same schema the server applies: nothing invalid is sent, and each field says what is wrong.
  const check = useMemo(() => settingsSchema.omit({ callInstructions: true }).safeParse(candidate), [candidate]);
  const invalid = invalidPaths(check.success ? undefined : check.error);
  const set = (patch: Partial<Draft>) => {
    setTouched(true);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const field: FieldHelp = (paths, effect, problem) => {
    const bad = paths.some((p) => invalid.has(p));
    return { error: bad, helperText: t(bad ? problem : effect) };
  };
  const section = { draft, set, field };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!check.success) return;
    const result = await updateSettings(check.data);
    if (!('error' in result)) {
      setSaved(true);
      setTouched(false);
    }
  }

  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={submit}
      noValidate
      sx={{ maxWidth: 980 }}
      aria-label={t('admin.settings')}
    >
      <CallsSection {...section} />
      <StatusEmailsSection {...section} templates={templates} />
      <PaymentsSection {...section} />
      <GeneralSection {...section} />

      {error ? <ApiErrorAlert error={error} /> : null}
      <Stack direction="row" spacing={1} sx={{ position: 'sticky', bottom: 0, py: 1, bgcolor: 'background.default' }}>
        <Button
          type="submit"
          variant="contained"
          disabled={!check.success || !touched}
          loading={isLoading}
          data-testid="settings-save"
        >
          {t('common.save')}
        </Button>
        <Button
          onClick={() => {
            setDraft(toDraft(settings));
            setTouched(false);
          }}
          disabled={!touched}
        >
          {t('settings.discard')}
        </Button>
        {!check.success ? (
          <Typography color="error" variant="body2" sx={{ alignSelf: 'center' }} role="status">
            {t('settings.fixFirst')}
          </Typography>
        ) : null}
      </Stack>
      <Snackbar open={saved} autoHideDuration={3000} onClose={() => setSaved(false)} message={t('common.saved')} />
    </Stack>
  );
}

export function SettingsPage() {
  const { data: settings, error } = useGetSettingsQuery();
  const templates = useListTemplatesQuery({});
  if (error) return <ApiErrorAlert error={error} />;
  if (!settings || !templates.data) return <PageSkeleton />;
  return <SettingsForm settings={settings} templates={templates.data} />;
}
