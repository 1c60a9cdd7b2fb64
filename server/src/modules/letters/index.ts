export { prepareLetter } from './letter-compose.js';
export { registerLetterVariable, type VariableProvider } from './letter-variable-providers.js';
export type { PreparedLetter } from './letter-compose.js';
export { enqueueLetter, letterTimeline } from './letter-outbox.js';
export { deliverDueLetters } from './letter-delivery.js';
export { queueStatusLetters, sendDueReviewRequests } from './letter-triggers.js';
export { queueOrderConfirmation } from './order-confirmation.js';
export { letterRoutes, paymentReminderRoutes, templatePreviewRoutes } from './letter.routes.js';
export { letterCountsByUser } from './letter-figures.js';
