import mongoose from 'mongoose';
import { performance } from 'node:perf_hooks';
import {
  maxBulkSelection,
  maxBulkSkippedListed,
  type Actor,
  type BulkAction,
  type BulkJob,
  type BulkJobError,
  type BulkSkipped,
  type OrderListQuery,
  type SessionUser,
  userActor,
} from '@callboard/shared';
import { bootId } from '../../lib/boot-id.js';
import { clock } from '../../lib/clock.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { assertAssignableUser } from '../clients/index.js';
import { iso } from '../../db/dates.js';
import { OrderModel } from './order.model.js';
import { orderListFilter } from './order.service.js';
import { BulkJobModel, type BulkJobDoc } from './order-bulk.model.js';
import { applyBulkAction } from './order-bulk-actions.js';

export type BulkSelectionInput = { ids: string[] } | { query: OrderListQuery };

// Progress is written every this many orders or this often, whichever comes first: often enough for
// a progress bar, seldom enough not to double the writes of a large job.
const flushEveryOrders = 50;
const flushEveryMs = 1_000;

function toBulkJobDto(doc: BulkJobDoc): BulkJob {
  return {
    id: String(doc._id),
    action: doc.action,
    total: doc.total,
    done: doc.done,
    changed: doc.changed,
    skipped: doc.skipped,
    state: doc.state,
    error: doc.error,
    createdAt: doc.createdAt.toISOString(),
    finishedAt: iso(doc.finishedAt),
  };
}

/** The ids the selection names (each once), in the list's order for "all matching the filter". */
async function resolveSelection(selection: BulkSelectionInput): Promise<string[]> {
  if ('ids' in selection) return [...new Set(selection.ids)];
  const filter = await orderListFilter(selection.query);
  if (!filter) return [];
  const docs = await OrderModel.find(filter, { _id: 1 })
    .sort({ createdAt: -1, _id: -1 })
    .limit(maxBulkSelection + 1)
    .lean<{ _id: mongoose.Types.ObjectId }[]>();
  if (docs.length > maxBulkSelection) {
    throw new AppError(
      'unprocessable',
      `The filter matches more than ${maxBulkSelection.toLocaleString('en')} orders; narrow it down first`,
      [{ path: 'body.selection.query', message: `more than ${maxBulkSelection} orders` }],
    );
  }
  return docs.map((d) => String(d._id));
}

// One job at a time in this process, one order at a time within it: the embedded database has one
// connection, which the workbenches need too.
let jobQueue: Promise<void> = Promise.resolve();

/** Resolves when every job started so far has finished (tests, and a graceful stop). */
export function bulkJobsSettled(): Promise<void> {
  return jobQueue;
}

async function runBulkJob(jobId: mongoose.Types.ObjectId, ids: string[], action: BulkAction, actor: Actor) {
  let pending = { done: 0, changed: 0, skipped: [] as BulkSkipped[] };
  let listed = 0;
  let lastFlush = performance.now();
  // Each write is conditional on the job still being this boot's and running, so a job another
  // process declared interrupted stops here instead of finishing under a failed label.
  const flush = async (finish?: { state: 'done' | 'failed'; error?: BulkJobError }): Promise<boolean> => {
    const { done, changed, skipped } = pending;
    pending = { done: 0, changed: 0, skipped: [] };
    lastFlush = performance.now();
    const res = await BulkJobModel.updateOne(
      { _id: jobId, state: 'running', bootId },
      {
        $inc: { done, changed },
        ...(skipped.length ? { $push: { skipped: { $each: skipped } } } : {}),
        ...(finish ? { $set: { state: finish.state, error: finish.error ?? null, finishedAt: clock.now() } } : {}),
      },
    );
    return res.matchedCount === 1;
  };
  try {
    for (const id of ids) {
      const outcome = await applyBulkAction(id, action, actor);
      pending.done += 1;
      if (outcome.changed) pending.changed += 1;
      else if (listed < maxBulkSkippedListed) {
        pending.skipped.push(outcome.skipped);
        listed += 1;
      }
      const due = pending.done >= flushEveryOrders || performance.now() - lastFlush >= flushEveryMs;
      if (due && !(await flush())) return;
    }
    await flush({ state: 'done' });
  } catch (err) {
    logger.error(`Bulk job ${String(jobId)} stopped`, err);
    await flush({ state: 'failed', error: 'error' }).catch(() => undefined);
  }
}

/**
 * Starts a bulk action in the background and answers at once with its job. The selection is
 * resolved now (what the user saw is what is changed); a manager to assign is checked once here.
 */
export async function startBulkJob(
  selection: BulkSelectionInput,
  action: BulkAction,
  user: SessionUser,
): Promise<BulkJob> {
  if (action.type === 'assign' && action.managerId) await assertAssignableUser(action.managerId);
  const ids = await resolveSelection(selection);
  const created = await BulkJobModel.create({
    by: userActor(user),
    action,
    total: ids.length,
    state: ids.length ? 'running' : 'done',
    bootId,
    heartbeatAt: clock.now(),
    createdAt: clock.now(),
    finishedAt: ids.length ? null : clock.now(),
  });
  const job = created.toObject() as BulkJobDoc;
  if (ids.length) jobQueue = jobQueue.then(() => runBulkJob(job._id, ids, action, job.by));
  return toBulkJobDto(job);
}

/** A job's progress, for the person who started it and for admins. */
export async function getBulkJob(jobId: string, user: SessionUser): Promise<BulkJob> {
  const doc = await BulkJobModel.findById(jobId).lean<BulkJobDoc>();
  if (!doc) throw notFound('Bulk job');
  if (user.role !== 'admin' && doc.by.id !== user.id) throw forbidden('This bulk job was started by someone else');
  return toBulkJobDto(doc);
}

const heartbeatMs = 30_000;
/** A job of another boot whose heartbeat is this old has lost its process. */
export const bulkJobStaleMs = 4 * heartbeatMs;

/**
 * Marks failed, with what they finished, the running jobs a stopped process left (their remaining
 * orders are untouched). The embedded mode is one process, so at its start every other boot's job
 * was cut off (`allOtherBoots`); several processes on one MongoDB fail only jobs whose process has
 * stopped moving their heartbeat.
 */
export async function failInterruptedBulkJobs(allOtherBoots: boolean): Promise<number> {
  const now = clock.now();
  const res = await BulkJobModel.updateMany(
    {
      state: 'running',
      bootId: { $ne: bootId },
      ...(allOtherBoots ? {} : { heartbeatAt: { $lt: new Date(now.getTime() - bulkJobStaleMs) } }),
    },
    { $set: { state: 'failed', error: 'interrupted', finishedAt: now } },
  );
  return res.modifiedCount;
}

/** Several processes: keeps this process's jobs alive, and fails those of a process that stopped. Returns the stop function. */
export function watchBulkJobs(): () => void {
  const timer = setInterval(() => {
    void BulkJobModel.updateMany({ state: 'running', bootId }, { $set: { heartbeatAt: clock.now() } })
      .then(() => failInterruptedBulkJobs(false))
      .catch((err: unknown) => logger.error('Could not check the bulk jobs of other processes', err));
  }, heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}
