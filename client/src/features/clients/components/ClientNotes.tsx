import { useState, type FormEvent } from 'react';
import { IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import type { Client } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useAddClientNoteMutation, useDeleteClientNoteMutation } from '../api/clients-api';

export function ClientNotes({ client }: { client: Client }) {
  const t = useT();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [addNote, addState] = useAddClientNoteMutation();
  const [deleteNote, deleteState] = useDeleteClientNoteMutation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const result = await addNote({ clientId: client.id, text });
    if (!('error' in result)) setText('');
  }

  return (
    <Stack spacing={0.5}>
      {client.notes.map((n) => (
        <Stack key={n.id} direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="body2" sx={{ flex: 1, whiteSpace: 'pre-wrap' }}>
            {n.text}{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              — {n.by.name}, {fmt.date(n.at)}
            </Typography>
          </Typography>
          <Tooltip title={t('client.deleteNote')}>
            <IconButton
              size="small"
              aria-label={t('client.deleteNote')}
              onClick={() => deleteNote({ clientId: client.id, noteId: n.id })}
            >
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      ))}
      <form onSubmit={submit}>
        <TextField
          fullWidth
          placeholder={t('client.addNote')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          slotProps={{ htmlInput: { 'aria-label': t('client.addNote') } }}
        />
      </form>
      {addState.error ? <ApiErrorAlert error={addState.error} /> : null}
      {deleteState.error ? <ApiErrorAlert error={deleteState.error} /> : null}
    </Stack>
  );
}
