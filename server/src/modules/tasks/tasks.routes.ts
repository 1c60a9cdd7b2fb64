import { Router } from 'express';
import { createTaskBody, idParams, recordCallBody, taskListQuery, updateTaskBody, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { recordCall } from '../calls/index.js';
import { idempotencyKeyOf } from '../calls/index.js';
import { createTask, deleteTask, getChangeableTaskDoc, listTasks, updateTask } from './task.service.js';

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
    summary: 'Change a task: title, due time, assignee, done (managers: their own or unassigned tasks)',
    access: 'staff',
    params: idParams,
    body: updateTaskBody,
    responses: { 200: 'OK', 403: "Another manager's task", 404: 'Not found' },
  },
  async ({ params, body, user }) => ({ body: { task: await updateTask(params.id, body, user) } }),
);

tasksRoutes.delete(
  '/:id',
  {
    summary: 'Delete a task with no calls recorded (managers: their own or unassigned tasks)',
    access: 'staff',
    params: idParams,
    responses: { 204: 'Deleted', 403: "Another manager's task", 404: 'Not found', 409: 'Calls were recorded on it' },
  },
  async ({ params, user }) => {
    await deleteTask(params.id, user);
    return { status: 204 };
  },
);

tasksRoutes.post(
  '/:id/calls',
  {
    summary:
      'Record a call on a call task: the same body and re-call rules as an order call (managers: their own or unassigned tasks)',
    access: 'staff',
    params: idParams,
    body: recordCallBody,
    responses: {
      201: 'Recorded',
      403: "Another manager's task",
      404: 'Task not found',
      409: 'Not a call task, or Idempotency-Key reused with another body',
    },
  },
  async ({ params, body, user, req }) => {
    await getChangeableTaskDoc(params.id, user);
    return { status: 201, body: await recordCall({ kind: 'task', id: params.id }, body, user, idempotencyKeyOf(req)) };
  },
);
