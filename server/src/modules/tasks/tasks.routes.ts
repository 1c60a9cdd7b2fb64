import { Router } from 'express';
import { createTaskBody, idParams, recordCallBody, taskListQuery, updateTaskBody, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { registerTimelineSource } from '../timeline/timeline.service.js';
import { recordCall } from '../calls/call.service.js';
import { idempotencyKeyOf } from '../calls/calls.routes.js';
import { createTask, listTasks, taskTimeline, updateTask } from './task.service.js';

registerTimelineSource(taskTimeline);

export const tasksRoutes = apiRoutes(Router(), '/api/tasks', 'Tasks');

tasksRoutes.get(
  '',
  {
    summary: 'Tasks: assignee=me (default), all or a user id; done, orderId, clientId filters; open and due first',
    access: 'staff',
    query: taskListQuery,
  },
  async ({ query, user }) => ({ body: await listTasks(query, user) }),
);

tasksRoutes.post(
  '',
  {
    summary: 'Create a task (a call task appears in the queue when due)',
    access: 'staff',
    body: createTaskBody,
    responses: { 201: 'Created' },
  },
  async ({ body, user }) => ({ status: 201, body: { task: await createTask(body, userActor(user)) } }),
);

tasksRoutes.patch(
  '/:id',
  {
    summary: 'Change a task: title, due time, assignee, done',
    access: 'staff',
    params: idParams,
    body: updateTaskBody,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params, body }) => ({ body: { task: await updateTask(params.id, body) } }),
);

tasksRoutes.post(
  '/:id/calls',
  {
    summary: 'Record a call on a call task: the same body and re-call rules as an order call',
    access: 'staff',
    params: idParams,
    body: recordCallBody,
    responses: {
      201: 'Recorded',
      404: 'Task not found',
      409: 'Not a call task, or Idempotency-Key reused with another body',
    },
  },
  async ({ params, body, user, req }) => ({
    status: 201,
    body: await recordCall({ kind: 'task', id: params.id }, body, user, idempotencyKeyOf(req)),
  }),
);
