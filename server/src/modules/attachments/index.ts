export { assertAttachable, callAttachments, linkAttachmentsToCall } from './attachment.service.js';
