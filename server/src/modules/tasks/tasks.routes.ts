import { Router } from 'express';
import { createTaskBody, idParams, taskListQuery, updateTaskBody, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { createTask, deleteTask, listTasks, updateTask } from './task.service.js';

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
