import { Link as RouterLink } from 'react-router';
import { Box, Checkbox, Link, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useListTasksQuery, useUpdateTaskMutation } from '../api/tasks-api';

/** The signed-in user's open tasks, soonest first. */
export function MyTasksPage() {
  const t = useT();
  const fmt = useFormat();
  const { data, isLoading, error } = useListTasksQuery({ assignee: 'me', done: false });
  const [updateTask, updateState] = useUpdateTaskMutation();
  const tasks = [...(data?.items ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <Box sx={{ p: 2, maxWidth: 900 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('nav.tasks')}
      </Typography>
      {updateState.error ? <ApiErrorAlert error={updateState.error} /> : null}
      {isLoading ? <ListSkeleton /> : error ? <ApiErrorAlert error={error} /> : tasks.length === 0 ? (
        <Typography color="text.secondary">{t('task.none')}</Typography>
      ) : (
        <List>
          {tasks.map((task) => (
            <ListItem key={task.id} divider>
              <ListItemIcon>
                <Checkbox
                  checked={task.done}
                  onChange={(e) => updateTask({ id: task.id, body: { done: e.target.checked } })}
                  slotProps={{ input: { 'aria-label': t('task.complete', { title: task.title }) } }}
                />
              </ListItemIcon>
              <ListItemText
                primary={task.orderId ? <Link component={RouterLink} to={`/orders/${task.orderId}`}>{task.title}</Link> : task.title}
                secondary={`${t(task.kind === 'call' ? 'task.kind.call' : 'task.kind.other')} · ${fmt.dateTime(task.dueAt)}`}
                slotProps={{ secondary: { color: task.dueAt < new Date().toISOString() ? 'error' : 'text.secondary' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
