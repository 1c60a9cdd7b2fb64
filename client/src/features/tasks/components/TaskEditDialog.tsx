import { useState, type FormEvent } from 'react';
import { Button, TextField } from '@mui/material';
import { DateTime } from 'luxon';
import { fromInputValue, toInputValue } from '../../../components/datetime-input';
import type { Task } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormDialog } from '../../../components/FormDialog';
import { useT } from '../../../i18n/i18n';
import { useDeleteTaskMutation, useUpdateTaskMutation } from '../api/tasks-api';

export function TaskEditDialog({ task, zone, onClose }: { task: Task; zone: string; onClose: () => void }) {
  const t = useT();
  const [updateTask, { error, isLoading }] = useUpdateTaskMutation();
  const [deleteTask, deleteState] = useDeleteTaskMutation();
  // A task with calls is history: the server keeps it (409), so it is marked done instead.
  const deletable = (task.call?.attempts ?? 0) === 0;
  const [title, setTitle] = useState(task.title);
  const [dueAt, setDueAt] = useState(toInputValue(DateTime.fromISO(task.dueAt, { zone })));
  const due = fromInputValue(dueAt, zone);

  async function remove() {
    const result = await deleteTask(task.id);
    if (!('error' in result)) onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim() || !due.isValid) return;
    const result = await updateTask({ id: task.id, body: { title: title.trim(), dueAt: due.toUTC().toISO()! } });
    if (!('error' in result)) onClose();
  }

  return (
    <FormDialog
      titleId="edit-task-title"
      title={t('myTasks.edit')}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitting={isLoading}
      sideAction={
        deletable ? (
          <Button color="error" onClick={remove} loading={deleteState.isLoading} sx={{ mr: 'auto' }}>
            {t('task.delete')}
          </Button>
        ) : null
      }
    >
      <TextField
        label={t('myTasks.titleField')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        autoFocus
      />
      <TextField
        type="datetime-local"
        label={t('task.due')}
        value={dueAt}
        onChange={(e) => setDueAt(e.target.value)}
        required
        slotProps={{ inputLabel: { shrink: true } }}
        helperText={t('myTasks.zone', { zone })}
      />
      {error ? <ApiErrorAlert error={error} /> : null}
      {deleteState.error ? <ApiErrorAlert error={deleteState.error} /> : null}
    </FormDialog>
  );
}
