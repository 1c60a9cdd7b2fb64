import { useEffect, useState } from 'react';
import type { LetterPreview, PreviewBody } from '@callboard/shared';
import { usePreviewLetterMutation } from '../api/templates-api';

const PREVIEW_DELAY_MS = 300;

/**
 * The server's rendering of a letter draft, asked for once typing pauses. `toRequest` says what to
 * render for a draft (null: nothing to preview yet) and must keep its identity while its inputs do.
 * `current` is the preview of exactly this draft, null while a newer one is on its way; `shown` is
 * the latest answer, kept on screen meanwhile.
 */
export function useLetterPreview<D>(draft: D | null, toRequest: (draft: D) => PreviewBody | null) {
  const [previewLetter, state] = usePreviewLetterMutation();
  const [preview, setPreview] = useState<{ of: D; result: LetterPreview } | null>(null);
  useEffect(() => {
    const body = draft === null ? null : toRequest(draft);
    if (draft === null || !body) return;
    const timer = setTimeout(() => {
      previewLetter(body)
        .unwrap()
        .then((result) => setPreview({ of: draft, result }))
        .catch(() => setPreview(null));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, toRequest, previewLetter]);
  return {
    current: draft !== null && preview?.of === draft ? preview.result : null,
    shown: preview?.result ?? null,
    error: state.error,
  };
}
