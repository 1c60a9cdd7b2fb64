export { assertAttachable, callAttachments, linkAttachmentsToCall } from './attachment.service.js';
export { attachmentTimeline } from './attachment.service.js';
export { attachmentsRoutes, orderAttachmentsRoutes } from './attachments.routes.js';
export { removeOrphanUploads } from './attachment.service.js';
