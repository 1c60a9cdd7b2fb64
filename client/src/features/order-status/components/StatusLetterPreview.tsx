import { useEffect, useState } from 'react';
import { Alert, Skeleton, Stack } from '@mui/material';
import type { LetterPreview, OrderStatus, Template } from '@callboard/shared';
import { letterVariableLabels } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SafeHtml } from '../../../components/SafeHtml';
import { useLocale, useT } from '../../../i18n/i18n';
import { usePreviewLetterMutation, PreviewSubject } from '../../letters';

const PREVIEW_DELAY_MS = 300;

type Props = { orderId: string; status: OrderStatus; template: Template; message: string };

/** The status letter exactly as the server would render it now, with the typed message in it. */
export function StatusLetterPreview({ orderId, status, template, message }: Props) {
  const t = useT();
  const locale = useLocale();
  const [previewLetter, state] = usePreviewLetterMutation();
  const [preview, setPreview] = useState<LetterPreview | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      previewLetter({
        subject: template.subject,
        html: template.html,
        orderId,
        locale: template.locale,
        extra: { status, ...(message.trim() ? { message: message.trim() } : {}) },
      })
        .unwrap()
        .then(setPreview)
        .catch(() => setPreview(null));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [orderId, status, template, message, previewLetter]);

  if (state.isError && !preview) return <ApiErrorAlert error={state.error} />;
  if (!preview) return <Skeleton variant="rounded" height={140} aria-label={t('letter.previewing')} />;
  const labels = letterVariableLabels[locale];
  return (
    <Stack spacing={0.5} data-testid="status-letter-preview">
      {preview.missing.length > 0 ? (
        <Alert severity="warning">
          {t('statusChange.letterMissing', { names: preview.missing.map((n) => labels[n]).join(', ') })}
        </Alert>
      ) : null}
      <PreviewSubject subject={preview.subject} />
      <SafeHtml
        html={preview.html}
        sx={{
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          p: 1,
          maxHeight: 260,
          overflow: 'auto',
          fontSize: '0.9em',
        }}
      />
    </Stack>
  );
}
