import type { JobDefinition } from './job.js';
import { sendDueReviewRequests } from '../modules/letters/index.js';

export const reviewRequestJob: JobDefinition = {
  name: 'review-requests',
  every: 15 * 60_000,
  run: (now) => sendDueReviewRequests(now),
};
