export {
  recordAudit,
  changedFields,
  changedPaths,
  removedFields,
  type AuditChanges,
  type AuditObjectType,
  type AuditRecord,
} from './audit.service.js';
export { auditRoutes } from './audit.routes.js';
