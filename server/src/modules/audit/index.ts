export {
  recordAudit,
  changedFields,
  type AuditChanges,
  type AuditObjectType,
  type AuditRecord,
} from './audit.service.js';
