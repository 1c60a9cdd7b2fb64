import type { AuditEntry, AuditObjectType } from '@callboard/shared';
import { listAudit } from '../modules/audit/audit-reads.js';

/** An object's audit entries as GET /api/audit answers them (changes keyed by field), oldest first. */
export async function auditEntriesOf(objectType: AuditObjectType, objectId: string): Promise<AuditEntry[]> {
  const page = await listAudit({ objectType, objectId, page: 1, limit: 200 });
  return page.items.reverse();
}
