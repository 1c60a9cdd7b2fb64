import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { DateTime } from 'luxon';
import type { TaskKind } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useCreateTaskMutation, useListTasksQuery, useUpdateTaskMutation } from '../api/tasks-api';

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

export function OrderTasks({ orderId, clientId }: { orderId: string; clientId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { data, isLoading, error } = useListTasksQuery({ orderId });
  const [createTask, createState] = useCreateTaskMutation();
  const [updateTask, updateState] = useUpdateTaskMutation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<TaskKind>('call');
  const [dueAt, setDueAt] = useState(() => DateTime.now().plus({ hours: 1 }).startOf('hour').toFormat(INPUT_FORMAT));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const due = DateTime.fromFormat(dueAt, INPUT_FORMAT);
    const result = await createTask({ title, kind, dueAt: due.toUTC().toISO()!, orderId, clientId });
    if (!('error' in result)) setTitle('');
  }

  return (
    <Stack spacing={1}>
      <Stack component="form" direction="row" spacing={1} onSubmit={submit}>
        <TextField
          label={t('task.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          sx={{ flex: 1 }}
        />
        <TextField
          select
          label={t('task.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as TaskKind)}
          sx={{ width: 120 }}
        >
          <MenuItem value="call">{t('task.kind.call')}</MenuItem>
          <MenuItem value="other">{t('task.kind.other')}</MenuItem>
        </TextField>
        <TextField
          type="datetime-local"
          label={t('task.due')}
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
          required
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant="outlined" loading={createState.isLoading}>
          {t('task.add')}
        </Button>
      </Stack>
      {createState.error ? <ApiErrorAlert error={createState.error} /> : null}
      {updateState.error ? <ApiErrorAlert error={updateState.error} /> : null}
      {isLoading ? (
        <ListSkeleton rows={2} />
      ) : error ? (
        <ApiErrorAlert error={error} />
      ) : (
        <List dense disablePadding>
          {data?.items.map((task) => (
            <ListItem key={task.id} disableGutters>
              <ListItemIcon sx={{ minWidth: 36 }}>
                <Checkbox
                  edge="start"
                  checked={task.done}
                  onChange={(e) => updateTask({ id: task.id, body: { done: e.target.checked } })}
                  slotProps={{ input: { 'aria-label': t('task.complete', { title: task.title }) } }}
                />
              </ListItemIcon>
              <ListItemText
                primary={task.title}
                secondary={`${t(task.kind === 'call' ? 'task.kind.call' : 'task.kind.other')} · ${fmt.dateTime(task.dueAt)}${task.assigneeName ? ` · ${task.assigneeName}` : ''}`}
                sx={{ textDecoration: task.done ? 'line-through' : 'none' }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}
