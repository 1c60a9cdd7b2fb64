import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Skeleton, Stack, TextField, Typography } from '@mui/material';
import type { CallOutcome } from '@callboard/shared';
import { letterVariableLabels } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SafeHtml } from '../../../components/SafeHtml';
import { useLocale, useT } from '../../../i18n/i18n';
import { PreviewSubject, useLetterPreview, useListTemplatesQuery } from '../../letters';
import { isLetterVariable } from '../variable-chip';
import { LetterEditor } from './LetterEditor';

export type LetterDraft = { subject: string; html: string };
export type LetterState = { letter: LetterDraft; ready: boolean };

/**
 * The letter of a call: pre-filled from the outcome's template, edited with variable chips, and
 * previewed by the server for this order. It is `ready` only when the preview of exactly what
 * would be sent has no missing or unknown variables.
 */
export function LetterSection({
  outcome,
  orderId,
  onChange,
}: {
  outcome: CallOutcome;
  orderId: string;
  onChange: (state: LetterState) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const templates = useListTemplatesQuery({ outcome });
  const [draft, setDraft] = useState<LetterDraft | null>(null);
  const [initialHtml, setInitialHtml] = useState<string | null>(null);
  const toRequest = useCallback(
    (d: LetterDraft) => (d.subject.trim() ? { subject: d.subject, html: d.html, orderId } : null),
    [orderId],
  );
  const { current, error: previewError } = useLetterPreview(draft, toRequest);

  useEffect(() => {
    if (initialHtml !== null || templates.isLoading) return;
    const list = templates.data ?? [];
    const template = list.find((x) => x.locale === locale) ?? list[0];
    setInitialHtml(template?.html ?? '');
    setDraft({ subject: template?.subject ?? '', html: template?.html ?? '' });
  }, [templates.isLoading, templates.data, locale, initialHtml]);

  const problems = current ? current.missing.length + current.unknown.length : 0;
  const ready = Boolean(draft && draft.subject.trim() && current && problems === 0);

  useEffect(() => {
    if (draft) onChange({ letter: draft, ready });
  }, [draft, ready, onChange]);

  if (initialHtml === null || !draft) return <Skeleton variant="rounded" height={160} />;

  const label = (name: string) => (isLetterVariable(name) ? letterVariableLabels[locale][name] : name);

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
      <Stack spacing={1}>
        <TextField
          label={t('letter.subject')}
          value={draft.subject}
          required
          onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
        />
        <LetterEditor
          initialHtml={initialHtml}
          label={t('letter.body')}
          onChange={(html) => setDraft((d) => (d && d.html === html ? d : { subject: d?.subject ?? '', html }))}
        />
      </Stack>
      <Stack spacing={1} sx={{ minWidth: 0 }}>
        <Typography variant="overline">{t('letter.preview')}</Typography>
        {previewError && !current ? <ApiErrorAlert error={previewError} /> : null}
        {current ? (
          <>
            {problems > 0 ? (
              <Alert severity="warning" data-testid="letter-problems">
                {current.missing.length > 0 ? (
                  <div>{t('letter.missing', { names: current.missing.map(label).join(', ') })}</div>
                ) : null}
                {current.unknown.length > 0 ? (
                  <div>{t('letter.unknown', { names: current.unknown.map((n) => `<$${n}>`).join(', ') })}</div>
                ) : null}
                <div>{t('letter.blocked')}</div>
              </Alert>
            ) : null}
            <PreviewSubject subject={current.subject} />
            <SafeHtml
              html={current.html}
              testId="letter-preview"
              sx={{
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                p: 1,
                maxHeight: 220,
                overflow: 'auto',
                fontSize: '0.9em',
              }}
            />
          </>
        ) : (
          <Skeleton variant="rounded" height={120} role="status" aria-label={t('letter.previewing')} />
        )}
      </Stack>
    </Box>
  );
}
