import type { JobDefinition } from './job.js';
import { deliverDueLetters } from '../modules/letters/index.js';

export const letterDeliveryJob: JobDefinition = {
  name: 'letter-delivery',
  every: 5_000,
  run: (now, ctx) => deliverDueLetters(now, ctx.env),
};
