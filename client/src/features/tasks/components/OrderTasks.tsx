import { Checkbox, List, ListItem, ListItemIcon, ListItemText, Stack, Tooltip } from '@mui/material';
import { canChangeTask } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useGetMeQuery } from '../../session';
import { useListTasksQuery, useUpdateTaskMutation } from '../api/tasks-api';
import { NewTaskForm } from './NewTaskForm';

export function OrderTasks({ orderId, clientId }: { orderId: string; clientId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { data, isLoading, error } = useListTasksQuery({ orderId });
  const [updateTask, updateState] = useUpdateTaskMutation();
  const { data: me } = useGetMeQuery();

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
          {data?.items.map((task) => {
            // Another manager's task is shown but not theirs to tick off (the server says 403 too).
            const mine = me ? canChangeTask(task, me) : false;
            const checkbox = (
              <Checkbox
                edge="start"
                checked={task.done}
                disabled={!mine}
                onChange={(e) => updateTask({ id: task.id, body: { done: e.target.checked } })}
                slotProps={{ input: { 'aria-label': t('task.complete', { title: task.title }) } }}
              />
            );
            return (
              <ListItem key={task.id} disableGutters>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  {mine || !me ? (
                    checkbox
                  ) : (
                    <Tooltip title={t('task.othersTask', { name: task.assigneeName ?? '—' })}>
                      <span>{checkbox}</span>
                    </Tooltip>
                  )}
                </ListItemIcon>
                <ListItemText
                  primary={task.title}
                  secondary={`${t(task.kind === 'call' ? 'task.kind.call' : 'task.kind.other')} · ${fmt.dateTime(task.dueAt)}${task.assigneeName ? ` · ${task.assigneeName}` : ''}`}
                  sx={{ textDecoration: task.done ? 'line-through' : 'none' }}
                />
              </ListItem>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
