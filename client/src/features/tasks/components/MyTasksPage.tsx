import { useState } from 'react';
import { Link as RouterLink } from 'wouter';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  IconButton,
  Link,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { DateTime } from 'luxon';
import type { Task } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useNow } from '../../../components/use-now';
import { useLocale, useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useListTasksQuery, useUpdateTaskMutation } from '../api/tasks-api';
import { groupTasksByDay } from './task-days';
import { TaskCall } from './TaskCall';
import { TaskEditDialog } from './TaskEditDialog';
import { NewTaskForm } from './NewTaskForm';

function callable(task: Task): task is Task & { clientId: string; call: NonNullable<Task['call']> } {
  return task.kind === 'call' && Boolean(task.clientId) && task.call !== null;
}

/** The signed-in user's open tasks by day in their time zone: overdue first, then today, then later. */
export function MyTasksPage() {
  const t = useT();
  const locale = useLocale();
  const now = useNow(60_000);
  const { data: me } = useGetMeQuery();
  const zone = me?.timezone || DateTime.local().zoneName;
  const { data, isLoading, error } = useListTasksQuery({ assignee: 'me', done: false });
  const [updateTask, updateState] = useUpdateTaskMutation();
  const [editing, setEditing] = useState<Task | null>(null);
  const [calling, setCalling] = useState<string | null>(null);
  const days = groupTasksByDay(data?.items ?? [], zone, now);
  const today = now.setZone(zone).startOf('day');

  const dayLabel = (day: string, overdue: boolean) => {
    const date = DateTime.fromISO(day, { zone }).setLocale(locale);
    const name = date.hasSame(today, 'day')
      ? t('myTasks.today')
      : date.hasSame(today.plus({ days: 1 }), 'day')
        ? t('myTasks.tomorrow')
        : date.toLocaleString(DateTime.DATE_HUGE);
    return overdue ? t('myTasks.overdueOn', { date: date.toLocaleString(DateTime.DATE_HUGE) }) : name;
  };

  return (
    <Box sx={{ p: 2, maxWidth: 1000 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h5" component="h1">
          {t('nav.tasks')}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('myTasks.zone', { zone })}
        </Typography>
      </Stack>
      <NewTaskForm
        zone={zone}
        defaultKind="other"
        titleLabel="myTasks.titleField"
        compact
        ariaLabel={t('myTasks.new')}
      />
      {updateState.error ? <ApiErrorAlert error={updateState.error} onClose={updateState.reset} /> : null}
      <Box sx={{ mt: 2 }}>
        {isLoading ? (
          <ListSkeleton />
        ) : error ? (
          <ApiErrorAlert error={error} />
        ) : days.length === 0 ? (
          <Typography color="text.secondary">{t('task.none')}</Typography>
        ) : (
          days.map(({ day, overdue, tasks }) => (
            <Paper key={day} variant="outlined" sx={{ mb: 1.5 }}>
              <List
                dense
                aria-label={dayLabel(day, overdue)}
                subheader={
                  <ListSubheader sx={{ color: overdue ? 'error.main' : undefined, bgcolor: 'transparent' }}>
                    {dayLabel(day, overdue)}
                  </ListSubheader>
                }
              >
                {tasks.map((task) => {
                  const late = DateTime.fromISO(task.dueAt) < now;
                  return (
                    <ListItem key={task.id} divider sx={{ flexWrap: 'wrap' }} data-testid="my-task">
                      <ListItemIcon sx={{ minWidth: 40 }}>
                        <Checkbox
                          edge="start"
                          checked={task.done}
                          onChange={(e) => updateTask({ id: task.id, body: { done: e.target.checked } })}
                          slotProps={{ input: { 'aria-label': t('task.complete', { title: task.title }) } }}
                        />
                      </ListItemIcon>
                      <ListItemText
                        primary={
                          task.orderId ? (
                            <Link component={RouterLink} to={`/orders/${task.orderId}`}>
                              {task.title}
                            </Link>
                          ) : (
                            task.title
                          )
                        }
                        secondary={DateTime.fromISO(task.dueAt, { zone })
                          .setLocale(locale)
                          .toLocaleString(DateTime.TIME_SIMPLE)}
                        slotProps={{ secondary: { color: late ? 'error' : 'text.secondary' } }}
                      />
                      <Chip
                        size="small"
                        label={t(task.kind === 'call' ? 'task.kind.call' : 'task.kind.other')}
                        sx={{ mr: 1 }}
                      />
                      {callable(task) ? (
                        <Button
                          size="small"
                          variant={calling === task.id ? 'contained' : 'outlined'}
                          onClick={() => setCalling(calling === task.id ? null : task.id)}
                          aria-expanded={calling === task.id}
                        >
                          {t('myTasks.call')}
                        </Button>
                      ) : null}
                      <IconButton
                        size="small"
                        onClick={() => setEditing(task)}
                        aria-label={t('myTasks.editTask', { title: task.title })}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                      {calling === task.id && callable(task) ? (
                        <Box sx={{ flexBasis: '100%', pl: 5, py: 1 }}>
                          <TaskCall task={task} onSaved={() => setCalling(null)} />
                        </Box>
                      ) : null}
                    </ListItem>
                  );
                })}
              </List>
            </Paper>
          ))
        )}
      </Box>
      {editing ? <TaskEditDialog task={editing} zone={zone} onClose={() => setEditing(null)} /> : null}
    </Box>
  );
}
