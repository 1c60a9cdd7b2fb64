export { assertAttachable, callAttachments, linkAttachmentsToCall } from './attachment.service.js';
export { attachmentTimeline } from './attachment.service.js';
