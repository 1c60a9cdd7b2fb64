import { useCallback, useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'wouter';
import { Alert, Box, Button, Link, MenuItem, Paper, Skeleton, Stack, TextField, Typography } from '@mui/material';
import {
  letterVariableLabels,
  locales,
  templateBody,
  type Locale,
  type OrderStatus,
  type Template,
} from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { SafeHtml } from '../../../components/SafeHtml';
import { useLocale, useT, type MessageKey } from '../../../i18n/i18n';
import { LetterEditor } from '../../letter-editor';
import {
  PreviewSubject,
  useCreateTemplateMutation,
  useGetTemplateQuery,
  useLetterPreview,
  useUpdateTemplateMutation,
} from '../../letters';
import { useListOrdersQuery } from '../../orders';
import { usePurposeLabel } from '../hooks/use-purpose-label';
import { purposeFields, purposeOf, purposes, type Purpose } from '../template-purpose';
import { invalidPaths } from '../zod-issues';

type Draft = { name: string; subject: string; html: string; locale: Locale; purpose: Purpose };

/** The server's rendering of the draft for the chosen order, in the template's language and for its status. */
function usePreview(draft: Draft, orderId: string) {
  const toRequest = useCallback(
    (d: Draft) => {
      if (!orderId || !d.subject.trim()) return null;
      const status = purposeFields(d.purpose).status as OrderStatus | null;
      return { subject: d.subject, html: d.html, orderId, locale: d.locale, ...(status ? { extra: { status } } : {}) };
    },
    [orderId],
  );
  return useLetterPreview(draft, toRequest);
}

function TemplateForm({ template }: { template: Template | null }) {
  const t = useT();
  const uiLocale = useLocale();
  const [, navigate] = useLocation();
  const purposeLabel = usePurposeLabel();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: template?.name ?? '',
    subject: template?.subject ?? '',
    html: template?.html ?? '',
    locale: template?.locale ?? uiLocale,
    purpose: template ? purposeOf(template) : '',
  }));
  const [submitted, setSubmitted] = useState(false);
  const orders = useListOrdersQuery({ status: 'all', limit: 25 });
  const [orderId, setOrderId] = useState('');
  const pickedOrder = orderId || orders.data?.items[0]?.id || '';
  const preview = usePreview(draft, pickedOrder);
  const [createTemplate, createState] = useCreateTemplateMutation();
  const [updateTemplate, updateState] = useUpdateTemplateMutation();
  const saveError = createState.error ?? updateState.error;

  const body = {
    name: draft.name,
    subject: draft.subject,
    html: draft.html,
    locale: draft.locale,
    ...purposeFields(draft.purpose),
  };
  const check = templateBody.safeParse(body);
  const invalid = submitted ? invalidPaths(check.success ? undefined : check.error) : new Set<string>();
  const unknown = preview.current?.unknown ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!check.success || unknown.length > 0) return;
    const { outcome, status, event, ...rest } = check.data;
    const fields = { ...rest, outcome: outcome ?? null, status: status ?? null, event: event ?? null };
    const result = template ? await updateTemplate({ id: template.id, body: fields }) : await createTemplate(fields);
    if ('data' in result && result.data) navigate('/admin/templates');
  }

  const labels = letterVariableLabels[uiLocale];
  const shown = preview.shown;

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 2 }}
      aria-label={t('templates.editor')}
    >
      <Stack spacing={1.5}>
        <TextField
          label={t('users.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          required
          error={invalid.has('name')}
          helperText={invalid.has('name') ? t('templates.nameInvalid') : t('templates.nameHelp')}
        />
        <Stack direction="row" spacing={1.5}>
          <TextField
            select
            label={t('templates.purpose')}
            value={draft.purpose}
            onChange={(e) => setDraft({ ...draft, purpose: e.target.value as Purpose })}
            helperText={t('templates.purposeHelp')}
            sx={{ flex: 1 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            {purposes.map((p) => (
              <MenuItem key={p} value={p}>
                {purposeLabel(p)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('templates.locale')}
            value={draft.locale}
            onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}
            helperText={t('templates.localeHelp')}
            sx={{ width: 180 }}
          >
            {locales.map((l) => (
              <MenuItem key={l} value={l}>
                {t(`settings.locale.${l}` as MessageKey)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <TextField
          label={t('letter.subject')}
          value={draft.subject}
          onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
          required
          error={invalid.has('subject')}
          helperText={invalid.has('subject') ? t('templates.subjectInvalid') : t('templates.subjectHelp')}
        />
        <LetterEditor
          initialHtml={draft.html}
          label={t('letter.body')}
          onChange={(html) => setDraft((d) => (d.html === html ? d : { ...d, html }))}
        />
        {invalid.has('html') ? <Alert severity="error">{t('templates.htmlInvalid')}</Alert> : null}
        {saveError ? <ApiErrorAlert error={saveError} /> : null}
        <Stack direction="row" spacing={1}>
          <Button
            type="submit"
            variant="contained"
            loading={createState.isLoading || updateState.isLoading}
            data-testid="template-save"
          >
            {t('common.save')}
          </Button>
          <Button component={RouterLink} to="/admin/templates">
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
      <Stack spacing={1} sx={{ minWidth: 0 }}>
        <TextField
          select
          size="small"
          label={t('templates.previewOrder')}
          value={pickedOrder}
          onChange={(e) => setOrderId(e.target.value)}
          helperText={t('templates.previewOrderHelp')}
          disabled={!orders.data?.items.length}
        >
          {(orders.data?.items ?? []).map((o) => (
            <MenuItem key={o.id} value={o.id}>
              #{o.number} · {o.clientName} · {t(`status.${o.status}` as MessageKey)}
            </MenuItem>
          ))}
        </TextField>
        {preview.error && !shown ? <ApiErrorAlert error={preview.error} /> : null}
        {shown ? (
          <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="template-preview">
            {shown.missing.length > 0 ? (
              <Alert severity="info" sx={{ mb: 1 }}>
                {t('templates.missingForOrder', { names: shown.missing.map((n) => labels[n]).join(', ') })}
              </Alert>
            ) : null}
            {shown.unknown.length > 0 ? (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="template-unknown">
                {t('letter.unknown', { names: shown.unknown.map((n) => `<$${n}>`).join(', ') })} {t('letter.blocked')}
              </Alert>
            ) : null}
            <PreviewSubject subject={shown.subject} />
            <SafeHtml html={shown.html} sx={{ mt: 1, fontSize: '0.9em' }} />
          </Paper>
        ) : draft.subject.trim() && pickedOrder ? (
          <Skeleton variant="rounded" height={200} role="status" aria-label={t('letter.previewing')} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('templates.previewHint')}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}

export function TemplateEditorPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const isNew = id === 'new';
  const { data, error, isLoading } = useGetTemplateQuery(id!, { skip: isNew });
  return (
    <Stack spacing={1.5}>
      <Typography variant="h6" component="h2">
        <Link component={RouterLink} to="/admin/templates">
          {t('admin.templates')}
        </Link>{' '}
        › {isNew ? t('templates.create') : (data?.name ?? '')}
      </Typography>
      {isNew ? (
        <TemplateForm template={null} />
      ) : isLoading ? (
        <PageSkeleton />
      ) : data ? (
        <TemplateForm key={data.id} template={data} />
      ) : (
        <ApiErrorAlert error={error} />
      )}
    </Stack>
  );
}
