export { finishUnfinishedCalls } from './unfinished-calls.js';
export { callTimeline } from './call-history.js';
export { clientCallsRoutes, orderCallsRoutes, taskCallsRoutes } from './calls.routes.js';
