import { useState, type FormEvent } from 'react';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import type { NoteVisibility } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useAddOrderNoteMutation } from '../../orders';

export function OrderNoteForm({ orderId }: { orderId: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('private');
  const [addNote, { isLoading, error }] = useAddOrderNoteMutation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await addNote({ orderId, text, visibility });
    if (!('error' in result)) setText('');
  }

  return (
    <Stack spacing={0.5} component="form" onSubmit={submit}>
      <Stack direction="row" spacing={1}>
        <TextField
          placeholder={t('note.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { 'aria-label': t('note.placeholder') } }}
        />
        <TextField
          select
          value={visibility}
          onChange={(e) => setVisibility(e.target.value as NoteVisibility)}
          sx={{ width: 130 }}
          slotProps={{ htmlInput: { 'aria-label': t('note.visibility') } }}
        >
          <MenuItem value="private">{t('note.private')}</MenuItem>
          <MenuItem value="public">{t('note.public')}</MenuItem>
        </TextField>
        <Button type="submit" variant="outlined" loading={isLoading}>
          {t('note.add')}
        </Button>
      </Stack>
      {error ? <ApiErrorAlert error={error} /> : null}
    </Stack>
  );
}
