import type { JobDefinition } from './job.js';
import { finishUnfinishedCalls } from '../modules/calls/index.js';

export const unfinishedCallsJob: JobDefinition = {
  name: 'unfinished-calls',
  every: 15_000,
  run: (now) => finishUnfinishedCalls(now),
};
