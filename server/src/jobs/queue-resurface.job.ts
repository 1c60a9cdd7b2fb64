import type { JobDefinition } from './job.js';
import { announceDueItems } from '../modules/queue/index.js';

export const queueResurfaceJob: JobDefinition = {
  name: 'queue-resurface',
  every: 15_000,
  run: (now) => announceDueItems(now),
};
