import mongoose from 'mongoose';
import {
  canChangeTask,
  type Actor,
  type CreateTaskBody,
  type Page,
  type Task,
  type TaskListQuery,
  type TimelineItem,
  type UpdateTaskBody,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import type { SessionUser } from '@callboard/shared';
import { getUser, userNames } from '../users/index.js';
import { getClientDoc } from '../clients/index.js';
import { getOrderDoc } from '../orders/index.js';
import { toCallInfo } from '../call-state/index.js';
import { TaskModel, taskMirror, type TaskDoc } from './task.model.js';
import { toActor } from '../../db/actor.js';
import { iso } from '../../db/dates.js';

export async function toTaskDtos(docs: TaskDoc[]): Promise<Task[]> {
  const names = await userNames(docs.flatMap((d) => (d.assigneeId ? [String(d.assigneeId)] : [])));
  return docs.map((d) => ({
    id: String(d._id),
    title: d.title,
    kind: d.kind as Task['kind'],
    dueAt: d.dueAt.toISOString(),
    assigneeId: d.assigneeId ? String(d.assigneeId) : null,
    assigneeName: d.assigneeId ? (names.get(String(d.assigneeId)) ?? null) : null,
    orderId: d.orderId ? String(d.orderId) : null,
    clientId: d.clientId ? String(d.clientId) : null,
    done: !!d.done,
    doneAt: iso(d.doneAt),
    call: d.call ? toCallInfo(d.call) : null,
    createdAt: d.createdAt.toISOString(),
    createdBy: toActor(d.createdBy),
  }));
}

export async function toTaskDto(doc: TaskDoc): Promise<Task> {
  const [task] = await toTaskDtos([doc]);
  return task as Task;
}

export async function getTaskDoc(id: string): Promise<TaskDoc> {
  const doc = mongoose.isValidObjectId(id) ? await TaskModel.findById(id).lean<TaskDoc>() : null;
  if (!doc) throw notFound('Task');
  return doc;
}

/** Managers change only their own tasks and unassigned ones (canChangeTask); 403 naming the assignee otherwise. */
async function assertMayChange(task: TaskDoc, user: SessionUser): Promise<void> {
  const assigneeId = task.assigneeId ? String(task.assigneeId) : null;
  if (assigneeId === null || canChangeTask({ assigneeId }, user)) return;
  const name = (await userNames([assigneeId])).get(assigneeId) ?? 'another user';
  throw forbidden(`This task is assigned to ${name}: only they or an administrator may change it`);
}

/** The task, if this user may change it (record a call on it, for instance). */
export async function getChangeableTaskDoc(id: string, user: SessionUser): Promise<TaskDoc> {
  const task = await getTaskDoc(id);
  await assertMayChange(task, user);
  return task;
}

async function assertAssignee(id: string): Promise<void> {
  const user = await getUser(id).catch(() => null);
  if (!user || user.disabled)
    throw badRequest('assigneeId does not name an active user', [{ path: 'body.assigneeId', message: 'no such user' }]);
}

export async function createTask(body: CreateTaskBody, actor: Actor): Promise<Task> {
  const assigneeId = body.assigneeId ?? actor.id;
  if (assigneeId) await assertAssignee(assigneeId);
  let clientId = body.clientId ?? null;
  if (body.orderId) {
    const order = await getOrderDoc(body.orderId).catch(() => {
      throw badRequest('orderId does not name an order', [{ path: 'body.orderId', message: 'no such order' }]);
    });
    if (clientId && clientId !== String(order.clientId)) {
      throw badRequest('The order belongs to another client', [
        { path: 'body.clientId', message: 'does not match the order' },
      ]);
    }
    clientId = String(order.clientId);
  } else if (clientId) {
    await getClientDoc(clientId).catch(() => {
      throw badRequest('clientId does not name a client', [{ path: 'body.clientId', message: 'no such client' }]);
    });
  }
  if (body.kind === 'call' && !clientId) {
    throw badRequest('A call task needs an order or a client to call', [
      { path: 'body.clientId', message: 'is required for a call task' },
    ]);
  }
  const dueAt = new Date(body.dueAt);
  const doc = await TaskModel.create({
    title: body.title,
    kind: body.kind,
    dueAt,
    assigneeId,
    orderId: body.orderId ?? null,
    clientId,
    call: body.kind === 'call' ? { state: 'scheduled', nextCallAt: dueAt } : null,
    createdBy: actor,
  });
  if (body.kind === 'call') await emitDomainEvent('queue.changed', { reason: 'task.created', taskId: String(doc._id) });
  return toTaskDto(doc.toObject() as TaskDoc);
}

export async function updateTask(id: string, body: UpdateTaskBody, user: SessionUser): Promise<Task> {
  const existing = await getChangeableTaskDoc(id, user);
  if (body.assigneeId) await assertAssignee(body.assigneeId);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.assigneeId !== undefined) set.assigneeId = body.assigneeId;
  if (body.dueAt !== undefined) {
    set.dueAt = new Date(body.dueAt);
    // Moving a call task's due time moves its next call, unless calls have already rescheduled it.
    if (existing.call && (existing.call.attempts ?? 0) === 0) {
      set['call.nextCallAt'] = set.dueAt;
    }
  }
  if (body.done !== undefined) {
    set.done = body.done;
    set.doneAt = body.done ? clock.now() : null;
    if (existing.call) {
      if (body.done) set['call.state'] = 'closed';
      else if (existing.call.state === 'closed') {
        set['call.state'] = 'due';
        set['call.nextCallAt'] = clock.now();
      }
    }
  }
  const doc = await TaskModel.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' }).lean<TaskDoc>();
  if (!doc) throw notFound('Task');
  if (doc.call) await emitDomainEvent('queue.changed', { reason: 'task.updated', taskId: id });
  return toTaskDto(doc);
}

/**
 * Deletes a task nothing has happened to. One with calls is history (its calls point at it), so it
 * is marked done instead.
 */
export async function deleteTask(id: string, user: SessionUser): Promise<void> {
  const task = await getChangeableTaskDoc(id, user);
  if ((task.call?.attempts ?? 0) > 0) throw conflict('Calls were recorded on this task: mark it done instead');
  await TaskModel.deleteOne({ _id: task._id });
  if (task.call) await emitDomainEvent('queue.changed', { reason: 'task.deleted', taskId: id });
}

export async function listTasks(query: TaskListQuery, user: SessionUser): Promise<Page<Task>> {
  const filter: Record<string, unknown> = {};
  if (query.assignee === 'me') filter.assigneeId = user.id;
  else if (query.assignee !== 'all') filter.assigneeId = query.assignee;
  if (query.done !== undefined) filter.done = query.done;
  if (query.orderId) filter.orderId = query.orderId;
  if (query.clientId) filter.clientId = query.clientId;
  const [docs, total] = await Promise.all([
    taskMirror.find(filter, {
      sort: { done: 1, dueAt: 1, _id: 1 },
      skip: (query.page - 1) * query.limit,
      limit: query.limit,
    }),
    taskMirror.count(filter),
  ]);
  return { items: await toTaskDtos(docs), total, page: query.page, limit: query.limit };
}

/** The order timeline's "task" entries: tasks linked to the order. */
export async function taskTimeline(orderId: string): Promise<TimelineItem[]> {
  if (!mongoose.isValidObjectId(orderId)) return [];
  const docs = await taskMirror.find({ orderId }, { sort: { createdAt: -1 } });
  const tasks = await toTaskDtos(docs);
  return tasks.map((t) => ({
    id: `task:${t.id}`,
    type: 'task' as const,
    at: t.createdAt,
    by: t.createdBy,
    taskId: t.id,
    title: t.title,
    kind: t.kind,
    dueAt: t.dueAt,
    done: t.done,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
  }));
}
