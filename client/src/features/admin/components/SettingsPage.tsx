import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Paper,
  Snackbar,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import {
  locales,
  orderStatuses,
  settingsSchema,
  type OrderStatus,
  type Settings,
  type Template,
  type UpdateSettingsBody,
} from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useListTemplatesQuery } from '../../letters';
import { useGetSettingsQuery, useUpdateSettingsMutation } from '../../settings';
import { invalidPaths } from '../zod-issues';

const MB = 1024 * 1024;

/** What the form edits: numbers as typed text, so a half-typed value is never silently changed. */
type Draft = {
  companyName: string;
  defaultLocale: Settings['defaultLocale'];
  start: string;
  end: string;
  callbackGraceMinutes: string;
  claimMinutes: string;
  capEnabled: boolean;
  capMax: string;
  capStatus: OrderStatus;
  statusEmails: Settings['statusEmails'];
  adminEmail: string;
  bankAccount: string;
  paymentLinkPattern: string;
  reviewRequestDelayDays: string;
  uploadMaxMb: string;
};

function toDraft(s: Settings): Draft {
  return {
    companyName: s.companyName,
    defaultLocale: s.defaultLocale,
    start: s.callingHours.start,
    end: s.callingHours.end,
    callbackGraceMinutes: String(s.callbackGraceMinutes),
    claimMinutes: String(s.claimMinutes),
    capEnabled: s.attemptCap.enabled,
    capMax: String(s.attemptCap.maxNotReached),
    capStatus: s.attemptCap.status,
    statusEmails: s.statusEmails,
    adminEmail: s.adminEmail,
    bankAccount: s.bankAccount,
    paymentLinkPattern: s.paymentLinkPattern,
    reviewRequestDelayDays: String(s.reviewRequestDelayDays),
    uploadMaxMb: String(Math.round((s.uploadMaxBytes / MB) * 100) / 100),
  };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The settings this form owns; the call instructions have their own screen and are left alone. */
function fromDraft(d: Draft): UpdateSettingsBody {
  return {
    companyName: d.companyName,
    defaultLocale: d.defaultLocale,
    callingHours: { start: d.start, end: d.end },
    callbackGraceMinutes: num(d.callbackGraceMinutes),
    claimMinutes: num(d.claimMinutes),
    attemptCap: { enabled: d.capEnabled, maxNotReached: num(d.capMax), status: d.capStatus },
    statusEmails: d.statusEmails,
    adminEmail: d.adminEmail.trim(),
    bankAccount: d.bankAccount,
    paymentLinkPattern: d.paymentLinkPattern.trim(),
    reviewRequestDelayDays: num(d.reviewRequestDelayDays),
    uploadMaxBytes: Math.round(num(d.uploadMaxMb) * MB),
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        {title}
      </Typography>
      <Stack spacing={2}>{children}</Stack>
    </Paper>
  );
}

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

  /** The field's effect, or what is wrong with it. */
  const field = (paths: string[], effect: MessageKey, problem: MessageKey) => {
    const bad = paths.some((p) => invalid.has(p));
    return { error: bad, helperText: t(bad ? problem : effect) };
  };

  const setStatusEmail = (
    status: OrderStatus,
    patch: Partial<{ notifyClient: boolean; templateId: string | null }>,
  ) => {
    const current = draft.statusEmails[status] ?? { notifyClient: false, templateId: null };
    set({ statusEmails: { ...draft.statusEmails, [status]: { ...current, ...patch } } });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!check.success) return;
    const result = await updateSettings(check.data);
    if (!('error' in result)) {
      setSaved(true);
      setTouched(false);
    }
  }

  const hours = field(
    ['callingHours', 'callingHours.start', 'callingHours.end'],
    'settings.callingHours.effect',
    'settings.callingHours.invalid',
  );

  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={submit}
      noValidate
      sx={{ maxWidth: 980 }}
      aria-label={t('admin.settings')}
    >
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

      <Section title={t('settings.section.statusEmails')}>
        <Typography variant="body2" color="text.secondary">
          {t('settings.statusEmails.effect')}
        </Typography>
        <Table size="small" aria-label={t('settings.section.statusEmails')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('order.status')}</TableCell>
              <TableCell>{t('settings.statusEmails.notify')}</TableCell>
              <TableCell>{t('settings.statusEmails.template')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {orderStatuses.map((status) => {
              const setting = draft.statusEmails[status];
              const label = t(`status.${status}` as MessageKey);
              return (
                <TableRow key={status}>
                  <TableCell>{label}</TableCell>
                  <TableCell>
                    <Checkbox
                      checked={setting?.notifyClient ?? false}
                      onChange={(e) => setStatusEmail(status, { notifyClient: e.target.checked })}
                      slotProps={{ input: { 'aria-label': t('settings.statusEmails.notifyFor', { status: label }) } }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      select
                      size="small"
                      value={setting?.templateId ?? ''}
                      onChange={(e) => setStatusEmail(status, { templateId: e.target.value || null })}
                      sx={{ minWidth: 280 }}
                      slotProps={{
                        select: { displayEmpty: true },
                        htmlInput: { 'aria-label': t('settings.statusEmails.templateFor', { status: label }) },
                      }}
                    >
                      <MenuItem value="">{t('settings.statusEmails.defaultTemplate')}</MenuItem>
                      {templates.map((tpl) => (
                        <MenuItem key={tpl.id} value={tpl.id}>
                          {tpl.name} ({tpl.locale.toUpperCase()})
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <TextField
          type="email"
          label={t('settings.adminEmail')}
          value={draft.adminEmail}
          onChange={(e) => set({ adminEmail: e.target.value })}
          {...field(['adminEmail'], 'settings.adminEmail.effect', 'settings.adminEmail.invalid')}
        />
      </Section>

      <Section title={t('settings.section.payments')}>
        <TextField
          label={t('settings.bankAccount')}
          value={draft.bankAccount}
          onChange={(e) => set({ bankAccount: e.target.value })}
          {...field(['bankAccount'], 'settings.bankAccount.effect', 'settings.bankAccount.invalid')}
        />
        <TextField
          label={t('settings.paymentLinkPattern')}
          value={draft.paymentLinkPattern}
          onChange={(e) => set({ paymentLinkPattern: e.target.value })}
          {...field(
            ['paymentLinkPattern'],
            'settings.paymentLinkPattern.effect',
            'settings.paymentLinkPattern.invalid',
          )}
        />
      </Section>

      <Section title={t('settings.section.general')}>
        <TextField
          label={t('settings.companyName')}
          value={draft.companyName}
          onChange={(e) => set({ companyName: e.target.value })}
          {...field(['companyName'], 'settings.companyName.effect', 'settings.companyName.invalid')}
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
