import { useState } from 'react';
import { Alert, Box, Button, Paper, Snackbar, Stack, Typography } from '@mui/material';
import { settingsSchema } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { SafeHtml } from '../../../components/SafeHtml';
import { useT } from '../../../i18n/i18n';
import { LetterEditor } from '../../letter-editor';
import { useGetSettingsQuery, useUpdateSettingsMutation } from '../../settings';

function InstructionsForm({ initial }: { initial: string }) {
  const t = useT();
  const [html, setHtml] = useState(initial);
  // The editor reports its normalised form of the stored HTML first: that is the unchanged state.
  const [baseline, setBaseline] = useState<string | null>(null);
  const onChange = (next: string) => {
    setHtml(next);
    setBaseline((b) => b ?? next);
  };
  const [saved, setSaved] = useState(false);
  const [updateSettings, { error, isLoading }] = useUpdateSettingsMutation();
  const valid = settingsSchema.shape.callInstructions.safeParse(html).success;

  async function save() {
    if (!valid) return;
    const result = await updateSettings({ callInstructions: html });
    if (!('error' in result)) {
      setSaved(true);
      setBaseline(html);
    }
  }

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 2, alignItems: 'start' }}>
      <Stack spacing={1.5}>
        <Typography variant="body2" color="text.secondary">
          {t('instructions.intro')}
        </Typography>
        <LetterEditor initialHtml={initial} label={t('admin.instructions')} onChange={onChange} />
        {!valid ? <Alert severity="error">{t('instructions.tooLong')}</Alert> : null}
        {error ? <ApiErrorAlert error={error} /> : null}
        <Stack direction="row">
          <Button
            variant="contained"
            onClick={save}
            disabled={!valid || html === baseline}
            loading={isLoading}
            data-testid="instructions-save"
          >
            {t('common.save')}
          </Button>
        </Stack>
      </Stack>
      <Paper variant="outlined" sx={{ p: 1.5 }}>
        <Typography variant="overline" component="h2">
          {t('instructions.asManagersSee')}
        </Typography>
        <SafeHtml html={html} />
      </Paper>
      <Snackbar open={saved} autoHideDuration={3000} onClose={() => setSaved(false)} message={t('common.saved')} />
    </Box>
  );
}

export function CallInstructionsPage() {
  const { data: settings, error } = useGetSettingsQuery();
  if (error) return <ApiErrorAlert error={error} />;
  if (!settings) return <PageSkeleton />;
  return <InstructionsForm initial={settings.callInstructions} />;
}
