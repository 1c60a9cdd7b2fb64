import { auditChangeLines, type AuditExportQuery } from '@callboard/shared';
import type { CsvCell } from '../../lib/csv.js';
import { streamAudit } from './audit-reads.js';

export const auditExportHeader = [
  'at (UTC)',
  'actor kind',
  'actor id',
  'actor',
  'object type',
  'object id',
  'action',
  'changes',
] as const;

/** The rows of an audit export, newest first; a change per line in the last cell, as the screen shows them. */
export async function* auditExportRows(query: AuditExportQuery): AsyncGenerator<CsvCell[]> {
  for await (const e of streamAudit(query)) {
    yield [
      e.at,
      e.by.type,
      e.by.id,
      e.by.name,
      e.objectType,
      e.objectId,
      e.action,
      auditChangeLines(e.changes).join('\n'),
    ];
  }
}
