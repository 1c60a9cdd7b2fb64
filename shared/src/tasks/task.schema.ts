import { z } from 'zod';
import { isoDateTime, objectId, pageQuery, queryBoolean } from '../common/common.schema.js';
import type { Actor } from '../common/actor.js';
import type { CallInfo } from '../orders/call.schema.js';

export const taskKinds = ['call', 'other'] as const;
export type TaskKind = (typeof taskKinds)[number];

export const createTaskBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    dueAt: isoDateTime,
    assigneeId: objectId.optional(),
    orderId: objectId.optional(),
    clientId: objectId.optional(),
    kind: z.enum(taskKinds).default('other'),
  })
  .strict();
export type CreateTaskBody = z.infer<typeof createTaskBody>;

export const updateTaskBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    dueAt: isoDateTime,
    assigneeId: objectId,
    done: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const taskListQuery = z
  .object({
    assignee: z.union([z.literal('me'), z.literal('all'), objectId]).default('me'),
    done: queryBoolean.optional(),
    orderId: objectId.optional(),
    clientId: objectId.optional(),
    ...pageQuery,
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuery>;

export type Task = {
  id: string;
  title: string;
  kind: TaskKind;
  dueAt: string;
  assigneeId: string | null;
  assigneeName: string | null;
  orderId: string | null;
  clientId: string | null;
  done: boolean;
  doneAt: string | null;
  call: CallInfo | null;
  createdAt: string;
  createdBy: Actor;
};
