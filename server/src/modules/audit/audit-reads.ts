import type { Actor, AuditEntry, AuditExportQuery, AuditListQuery, AuditObjectType, Page } from '@callboard/shared';
import { countMatching } from '../../db/count.js';
import { AuditEntryModel, type AuditEntryDoc } from './audit.model.js';

const newestFirst = { at: -1, _id: -1 } as const;

function toAuditEntry(doc: AuditEntryDoc): AuditEntry {
  return {
    id: String(doc._id),
    at: doc.at.toISOString(),
    by: { type: doc.by.type as Actor['type'], id: doc.by.id ?? null, name: doc.by.name },
    objectType: doc.objectType as AuditObjectType,
    objectId: doc.objectId,
    action: doc.action,
    changes: Object.fromEntries(
      (doc.changes ?? []).map(({ field, from, to }) => [field, { from: from ?? null, to: to ?? null }]),
    ),
  };
}

/** The query's filters as a Mongo filter; each combination has an index in audit.model.ts. */
function auditFilter(query: AuditExportQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.objectType) filter.objectType = query.objectType;
  if (query.objectId) filter.objectId = query.objectId;
  if (query.actorId) filter['by.id'] = query.actorId;
  if (query.actorType) filter['by.type'] = query.actorType;
  if (query.from || query.to) {
    filter.at = {
      ...(query.from ? { $gte: new Date(query.from) } : {}),
      ...(query.to ? { $lt: new Date(query.to) } : {}),
    };
  }
  return filter;
}

/** One page of entries, newest first. */
export async function listAudit(query: AuditListQuery): Promise<Page<AuditEntry>> {
  const filter = auditFilter(query);
  const [docs, total] = await Promise.all([
    AuditEntryModel.find(filter)
      .sort(newestFirst)
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<AuditEntryDoc[]>(),
    countMatching(AuditEntryModel, filter),
  ]);
  return { items: docs.map(toAuditEntry), total, page: query.page, limit: query.limit };
}

/** Every matching entry, newest first, read from a cursor so an export never holds them all at once. */
export async function* streamAudit(query: AuditExportQuery): AsyncGenerator<AuditEntry> {
  const cursor = AuditEntryModel.find(auditFilter(query)).sort(newestFirst).lean<AuditEntryDoc[]>().cursor();
  for await (const doc of cursor) yield toAuditEntry(doc as AuditEntryDoc);
}
