import { useState, type FormEvent } from 'react';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { fromInputValue, toInputValue } from '../../../components/datetime-input';
import type { TaskKind } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useCreateTaskMutation } from '../api/tasks-api';

type NewTaskFormProps = {
  defaultKind: TaskKind;
  titleLabel: MessageKey;
  /** The zone the due time is typed in; the browser's when absent. */
  zone?: string;
  /** Links the task to an order and its client (the order card's Tasks tab). */
  link?: { orderId: string; clientId: string };
  /** The page-level form is compact and primary; the card's is a secondary action. */
  compact?: boolean;
  ariaLabel?: string;
};

/** One row to add a task: title, kind and due time, due an hour from now by default. */
export function NewTaskForm({ defaultKind, titleLabel, zone, link, compact = false, ariaLabel }: NewTaskFormProps) {
  const t = useT();
  const [createTask, { error, isLoading }] = useCreateTaskMutation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<TaskKind>(defaultKind);
  const [dueAt, setDueAt] = useState(() =>
    toInputValue(
      DateTime.now()
        .setZone(zone ?? 'local')
        .plus({ hours: 1 })
        .startOf('hour'),
    ),
  );
  const size = compact ? 'small' : 'medium';
  const kinds: TaskKind[] = defaultKind === 'call' ? ['call', 'other'] : ['other', 'call'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const due = fromInputValue(dueAt, zone);
    if (!title.trim() || !due.isValid) return;
    const result = await createTask({ title: title.trim(), kind, dueAt: due.toUTC().toISO()!, ...link });
    if (!('error' in result)) setTitle('');
  }

  return (
    <Stack spacing={1}>
      <Stack component="form" direction="row" spacing={1} onSubmit={submit} aria-label={ariaLabel}>
        <TextField
          size={size}
          label={t(titleLabel)}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          sx={{ flex: 1 }}
        />
        <TextField
          select
          size={size}
          label={t('task.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as TaskKind)}
          sx={{ width: 120 }}
        >
          {kinds.map((k) => (
            <MenuItem key={k} value={k}>
              {t(k === 'call' ? 'task.kind.call' : 'task.kind.other')}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size={size}
          type="datetime-local"
          label={t('task.due')}
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
          required
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant={compact ? 'contained' : 'outlined'} loading={isLoading}>
          {t('task.add')}
        </Button>
      </Stack>
      {error ? <ApiErrorAlert error={error} /> : null}
    </Stack>
  );
}
