import type { CreateTaskBody, Page, Task, UpdateTaskBody } from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

export type TaskFilter = { orderId?: string; assignee?: 'me' | 'all'; done?: boolean };

export const tasksApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    listTasks: build.query<Page<Task>, TaskFilter>({
      query: ({ orderId, assignee, done }) => ({
        url: '/tasks',
        params: {
          limit: 200,
          assignee: assignee ?? (orderId ? 'all' : 'me'),
          ...(orderId ? { orderId } : {}),
          ...(done === undefined ? {} : { done: String(done) }),
        },
      }),
      providesTags: (res) => listTags('Task', res?.items),
    }),
    createTask: build.mutation<Task, CreateTaskBody>({
      query: (body) => ({ url: '/tasks', method: 'POST', body }),
      transformResponse: (res: { task: Task }) => res.task,
      invalidatesTags: [
        { type: 'Task', id: 'LIST' },
        { type: 'Queue', id: 'LIST' },
      ],
    }),
    updateTask: build.mutation<Task, { id: string; body: UpdateTaskBody }>({
      query: ({ id, body }) => ({ url: `/tasks/${id}`, method: 'PATCH', body }),
      transformResponse: (res: { task: Task }) => res.task,
      invalidatesTags: (_res, _err, { id }) => [
        { type: 'Task', id },
        { type: 'Queue', id: 'LIST' },
      ],
    }),
    deleteTask: build.mutation<unknown, string>({
      query: (id) => ({ url: `/tasks/${id}`, method: 'DELETE' }),
      invalidatesTags: (_res, _err, id) => [
        { type: 'Task', id },
        { type: 'Task', id: 'LIST' },
        { type: 'Queue', id: 'LIST' },
      ],
    }),
  }),
});

export const { useListTasksQuery, useCreateTaskMutation, useUpdateTaskMutation, useDeleteTaskMutation } = tasksApi;
