export { announceDueItems, expireClaims, queueKey, releaseClaim } from './queue.service.js';
