import mongoose from 'mongoose';
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
import { TaskModel, type TaskDoc } from './task.model.js';

/**
 * The call tasks' side of the call queue: which call tasks are due, and the call-state writes on
 * a task. The rules themselves live in the call-state module, shared with orders.
 */

const dueTaskFilter = (now: Date) => ({ kind: 'call' as const, done: false, ...dueCallFilter(now) });

/** The call task if it is due at `now`; read by _id, which FerretDB answers without a scan. */
export async function findDueCallTask(id: string, now: Date): Promise<TaskDoc | null> {
  const task = mongoose.isValidObjectId(id) ? await TaskModel.findById(id).lean<TaskDoc>() : null;
  return task && task.kind === 'call' && !task.done && isCallDue(task.call, now) ? task : null;
}

/** Due call tasks, longest waiting first, a page at a time. */
export const findDueCallTasks = (now: Date, skip: number, limit: number) =>
  findDue(TaskModel, dueTaskFilter(now), skip, limit).lean<TaskDoc[]>();

/** When the first call task not yet due falls due. */
export const nextTaskCallAfter = (now: Date) => nextCallAfter(TaskModel, dueTaskFilter(now), now);

/** Call tasks whose due time falls in (from, to]: what the resurfacing sweep announces. */
export const findTasksFallingDue = (from: Date, to: Date) => callsFallingDue(TaskModel, dueTaskFilter(to), from, to);

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
