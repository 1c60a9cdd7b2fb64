export { prepareLetter } from './letter-compose.js';
export type { PreparedLetter } from './letter-compose.js';
export { enqueueLetter, letterTimeline } from './letter-outbox.js';
export { deliverDueLetters } from './letter-delivery.js';
export { queueStatusLetters, sendDueReviewRequests } from './letter-triggers.js';
export { letterRoutes, paymentReminderRoutes, templatePreviewRoutes } from './letter.routes.js';
