export { announceDueItems, expireClaims, queueKey, releaseClaim } from './queue.service.js';
export { dropClaimReads, onQueueChanged } from './queue.service.js';
