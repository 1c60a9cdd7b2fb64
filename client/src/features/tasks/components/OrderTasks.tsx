import { Checkbox, List, ListItem, ListItemIcon, ListItemText, Stack } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useListTasksQuery, useUpdateTaskMutation } from '../api/tasks-api';
import { NewTaskForm } from './NewTaskForm';

export function OrderTasks({ orderId, clientId }: { orderId: string; clientId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { data, isLoading, error } = useListTasksQuery({ orderId });
  const [updateTask, updateState] = useUpdateTaskMutation();

  return (
    <Stack spacing={1}>
      <NewTaskForm defaultKind="call" titleLabel="task.title" link={{ orderId, clientId }} />
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
