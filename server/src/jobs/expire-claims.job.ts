import type { JobDefinition } from './job.js';
import { expireClaims } from '../modules/queue/index.js';

export const expireClaimsJob: JobDefinition = {
  name: 'expire-claims',
  every: 60_000,
  run: (now) => expireClaims(now),
};
