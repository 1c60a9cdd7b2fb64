export { dropClaimReads, onQueueChanged, queueKey } from './queue-reads.js';
export { expireClaims, releaseClaim } from './queue-claims.js';
export { floorQueue, heldItems } from './queue-floor.js';
export { announceDueItems } from './queue-announcements.js';
export { queueRoutes } from './queue.routes.js';
