import type { JobDefinition } from './job.js';
import { autoCancelDueOrders } from '../modules/orders/index.js';

export const autoCancelJob: JobDefinition = {
  name: 'auto-cancel',
  every: 60_000,
  run: (now) => autoCancelDueOrders(now),
};
