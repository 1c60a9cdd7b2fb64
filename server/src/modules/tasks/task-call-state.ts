import type { NextCall } from '@callboard/shared';
import {
  applyCallState,
  callsFallingDue,
  dueCallFilter,
  findDue,
  isCallDue,
  nextCallAfter,
} from '../call-state/index.js';
import type { PersonalHold } from '../call-state/index.js';
import { TaskModel, taskMirror, type TaskDoc } from './task.model.js';

/**
 * The call tasks' side of the call queue: which call tasks are due, and the call-state writes on
 * a task. The rules themselves live in the call-state module, shared with orders.
 */

const dueTaskFilter = (now: Date) => ({ kind: 'call' as const, done: false, ...dueCallFilter(now) });

/** The call task if it is due at `now`; read by _id, which FerretDB answers without a scan. */
export async function findDueCallTask(id: string, now: Date): Promise<TaskDoc | null> {
  const task = await taskMirror.findById(id);
  return task && task.kind === 'call' && !task.done && isCallDue(task.call, now) ? task : null;
}

/** Due call tasks, longest waiting first, a page at a time. */
export const findDueCallTasks = (now: Date, skip: number, limit: number) =>
  findDue(taskMirror, dueTaskFilter(now), skip, limit);

/** When the first call task not yet due falls due. */
export const nextTaskCallAfter = (now: Date) => nextCallAfter(taskMirror, dueTaskFilter(now), now);

/** Call tasks whose due time falls in (from, to]: what the resurfacing sweep announces. */
export const findTasksFallingDue = (from: Date, to: Date) => callsFallingDue(taskMirror, dueTaskFilter(to), from, to);

/** The task twin of applyCallToOrder: the call's result lands once; the task as the call left it. */
export const applyCallToTask = (task: TaskDoc, callId: string, result: NextCall, personal: PersonalHold) =>
  applyCallState(
    TaskModel,
    task,
    callId,
    result,
    personal,
    // A completed call with no callback finishes the call task.
    result.state === 'closed' && result.lastOutcome === 'completed' ? { done: true, doneAt: result.lastCallAt } : {},
  );
