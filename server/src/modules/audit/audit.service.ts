import type { Actor } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { AuditEntryModel, type auditObjectTypes } from './audit.model.js';

export type AuditObjectType = (typeof auditObjectTypes)[number];
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

export type AuditRecord = {
  by: Actor;
  objectType: AuditObjectType;
  objectId: string;
  action: string;
  changes: AuditChanges;
};

/** Appends one entry; a change that changed nothing (an empty `changes` on an update) is not worth a line. */
export async function recordAudit(entry: AuditRecord): Promise<void> {
  if (entry.action === 'updated' && Object.keys(entry.changes).length === 0) return;
  await AuditEntryModel.create({ ...entry, at: clock.now() });
}

/**
 * The fields of `after` whose value differs from `before`, as {from, to}; compared by their JSON form so
 * arrays, nested objects and dates compare by value. Fields absent from `after` were not touched.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
