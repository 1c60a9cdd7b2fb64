import type { JobDefinition } from './job.js';
export type { JobContext, JobDefinition } from './job.js';
import { queueResurfaceJob } from './queue-resurface.job.js';
import { autoCancelJob } from './auto-cancel.job.js';
import { expireClaimsJob } from './expire-claims.job.js';
import { sessionsCleanupJob } from './sessions-cleanup.job.js';
import { letterDeliveryJob } from './letter-delivery.job.js';
import { reviewRequestJob } from './review-request.job.js';
import { unfinishedCallsJob } from './unfinished-calls.job.js';

export const jobDefinitions: JobDefinition[] = [
  queueResurfaceJob,
  autoCancelJob,
  expireClaimsJob,
  sessionsCleanupJob,
  letterDeliveryJob,
  reviewRequestJob,
  unfinishedCallsJob,
];
