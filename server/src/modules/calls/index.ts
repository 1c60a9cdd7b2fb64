export { finishUnfinishedCalls, recordCall } from './call.service.js';
export { idempotencyKeyOf } from './calls.routes.js';
export { callTimeline } from './call.service.js';
