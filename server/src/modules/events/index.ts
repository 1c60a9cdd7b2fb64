export { eventsRoutes } from './events.routes.js';
export { startLiveEventRelay } from './live-events.js';
