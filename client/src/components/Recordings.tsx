import { Stack } from '@mui/material';
import type { CallAttachment } from '@callboard/shared';
import { useT } from '../i18n/i18n';

/** Recordings play inline; the server answers the player's Range requests. */
export function Recordings({ attachments }: { attachments: CallAttachment[] | undefined }) {
  const t = useT();
  if (!attachments?.length) return null;
  return (
    <Stack spacing={0.5} sx={{ mt: 0.5 }}>
      {attachments.map((a) =>
        a.mimeType.startsWith('audio/') ? (
          <audio
            key={a.id}
            controls
            preload="metadata"
            src={a.url}
            aria-label={t('timeline.recording', { name: a.filename })}
            style={{ width: '100%', height: 32 }}
          />
        ) : (
          <a key={a.id} href={a.url}>
            {a.filename}
          </a>
        ),
      )}
    </Stack>
  );
}
