import type { Env } from '../config/env.js';
import { queueResurfaceJob } from './queue-resurface.job.js';
import { autoCancelJob } from './auto-cancel.job.js';
import { expireClaimsJob } from './expire-claims.job.js';
import { sessionsCleanupJob } from './sessions-cleanup.job.js';
import { letterDeliveryJob } from './letter-delivery.job.js';
import { reviewRequestJob } from './review-request.job.js';
import { unfinishedCallsJob } from './unfinished-calls.job.js';

export type JobContext = { env: Env };

/**
 * A recurring sweep: every `every` milliseconds one scheduler process runs it with the clock's
 * now. Agenda delivers at least once, so `run` must be idempotent.
 */
export type JobDefinition = { name: string; every: number; run: (now: Date, ctx: JobContext) => Promise<unknown> };

export const jobDefinitions: JobDefinition[] = [
  queueResurfaceJob,
  autoCancelJob,
  expireClaimsJob,
  sessionsCleanupJob,
  letterDeliveryJob,
  reviewRequestJob,
  unfinishedCallsJob,
];
