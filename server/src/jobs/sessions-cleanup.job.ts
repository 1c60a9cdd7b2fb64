import type { JobDefinition } from './job.js';
import { removeExpiredSessions } from '../modules/sessions/index.js';
import { removeExpiredThrottles } from '../modules/auth/index.js';

export const sessionsCleanupJob: JobDefinition = {
  name: 'sessions-cleanup',
  every: 60 * 60_000,
  run: async (now) => {
    await removeExpiredSessions(now);
    await removeExpiredThrottles(now);
  },
};
