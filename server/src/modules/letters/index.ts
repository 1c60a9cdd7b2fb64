export { sanitizeLetterHtml } from './letter-render.js';
export {
  deliverDueLetters,
  enqueueLetter,
  prepareLetter,
  previewLetter,
  sendDueReviewRequests,
} from './letter.service.js';
export type { PreparedLetter } from './letter.service.js';
export { letterTimeline, queueStatusLetters } from './letter.service.js';
