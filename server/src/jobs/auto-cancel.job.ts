import type { JobDefinition } from './index.js';
import { autoCancelDueOrders } from '../modules/orders/index.js';

export const autoCancelJob: JobDefinition = {
  name: 'auto-cancel',
  every: 60_000,
  run: (now) => autoCancelDueOrders(now),
};
