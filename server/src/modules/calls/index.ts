export { finishUnfinishedCalls } from './unfinished-calls.js';
export { callTimeline } from './call-history.js';
export { callsExportRoutes, clientCallsRoutes, orderCallsRoutes, taskCallsRoutes } from './calls.routes.js';
export { callStats } from './call-stats.js';
export {
  callOutcomesByUser,
  callSumsByUser,
  callsByUtcHour,
  emptyCallSums,
  type CallRange,
  type CallSums,
} from './call-figures.js';
export { creditPaymentToCall } from './call-payments.js';
