import { useEffect, useRef, useState } from 'react';
import { Box, Button, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import ReplayIcon from '@mui/icons-material/Replay';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { uploadRecording, UploadError, type UploadHandle } from '../api/upload-recording';

type Upload = {
  key: number;
  file: File;
  progress: number;
  state: 'uploading' | 'done' | 'failed' | 'cancelled';
  attachmentId: string | null;
  error: UploadError | null;
};

export type RecordingState = { attachmentIds: string[]; busy: boolean };

export function RecordingUpload({ orderId, onChange }: { orderId: string; onChange: (state: RecordingState) => void }) {
  const t = useT();
  const fmt = useFormat();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const handles = useRef(new Map<number, UploadHandle>());
  const nextKey = useRef(1);
  const input = useRef<HTMLInputElement>(null);

  const patch = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function start(key: number, file: File) {
    const handle = uploadRecording(orderId, file, (progress) => patch(key, { progress }));
    handles.current.set(key, handle);
    handle.promise.then(
      (attachment) => patch(key, { state: 'done', progress: 1, attachmentId: attachment.id }),
      (error: UploadError) => patch(key, { state: error.status === 'cancelled' ? 'cancelled' : 'failed', error }),
    );
  }

  function add(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const key = nextKey.current++;
      setUploads((list) => [...list, { key, file, progress: 0, state: 'uploading', attachmentId: null, error: null }]);
      start(key, file);
    }
  }

  function retry(u: Upload) {
    patch(u.key, { state: 'uploading', progress: 0, error: null });
    start(u.key, u.file);
  }

  useEffect(() => {
    onChange({
      attachmentIds: uploads.flatMap((u) => (u.state === 'done' && u.attachmentId ? [u.attachmentId] : [])),
      busy: uploads.some((u) => u.state === 'uploading'),
    });
  }, [uploads, onChange]);

  // Closing the dialog abandons uploads still running.
  useEffect(() => {
    const running = handles.current;
    return () => running.forEach((h) => h.cancel());
  }, []);

  return (
    <Box>
      <input
        ref={input}
        type="file"
        accept="audio/*"
        hidden
        multiple
        data-testid="recording-input"
        onChange={(e) => add(e.target.files)}
      />
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
        {t('call.recording.add')}
      </Button>
      <Stack spacing={0.5}>
        {uploads
          .filter((u) => u.state !== 'cancelled')
          .map((u) => (
            <Box key={u.key}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2" noWrap sx={{ flex: 1 }}>
                  {u.file.name} · {fmt.bytes(u.file.size)} ·{' '}
                  {u.state === 'done'
                    ? t('call.recording.done')
                    : u.state === 'failed'
                      ? t('call.recording.failed')
                      : `${Math.round(u.progress * 100)} %`}
                </Typography>
                {u.state === 'failed' ? (
                  <Tooltip title={t('call.recording.retry')}>
                    <IconButton size="small" aria-label={t('call.recording.retry')} onClick={() => retry(u)}>
                      <ReplayIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                ) : null}
                {u.state === 'uploading' ? (
                  <Tooltip title={t('call.recording.cancel')}>
                    <IconButton
                      size="small"
                      aria-label={t('call.recording.cancel')}
                      onClick={() => handles.current.get(u.key)?.cancel()}
                    >
                      <CloseIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                ) : null}
              </Stack>
              {u.state === 'uploading' ? (
                <LinearProgress
                  variant="determinate"
                  value={u.progress * 100}
                  aria-label={t('call.recording.progress')}
                />
              ) : null}
              {u.state === 'failed' && u.error?.body ? <ApiErrorAlert error={u.error} /> : null}
            </Box>
          ))}
      </Stack>
    </Box>
  );
}
