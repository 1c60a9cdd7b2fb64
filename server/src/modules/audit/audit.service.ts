import type { Actor, AuditObjectType } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { AuditEntryModel } from './audit.model.js';

export type { AuditObjectType };
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
  const changes = Object.entries(entry.changes).map(([field, { from, to }]) => ({ field, from, to }));
  await AuditEntryModel.create({ ...entry, changes, at: clock.now() });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function diff(before: Record<string, unknown>, after: Record<string, unknown>, prefix: string | null): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[field] ?? null;
    const path = `${prefix ?? ''}${field}`;
    if (prefix !== null && isPlainObject(from) && isPlainObject(to)) {
      // Below the top level an object is replaced whole: a member it no longer has was removed.
      const removed = Object.fromEntries(Object.keys(from).map((key) => [key, null]));
      Object.assign(changes, diff(from, { ...removed, ...to }, `${path}.`));
    } else if (JSON.stringify(from) !== JSON.stringify(to)) changes[path] = { from, to };
  }
  return changes;
}

/**
 * The fields of `after` whose value differs from `before`, as {from, to}; compared by their JSON form so
 * arrays, nested objects and dates compare by value. Fields absent from `after` were not touched.
 * `changedFields({}, created)` lists what a new object was created with.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  return diff(before, after, null);
}

/**
 * Like changedFields, but nested objects are compared member by member and named by their path
 * ("statusEmails.paid.notifyClient"), so a change to one switch of a group reads as that switch.
 * Top-level fields absent from `after` were not touched; a nested member absent from it was removed.
 */
export function changedPaths(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  return diff(before, after, '');
}

/** What a deleted object held, each field under `from`, so the entry keeps what was removed. */
export function removedFields(before: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, from] of Object.entries(before)) {
    if (from !== undefined && from !== null) changes[field] = { from, to: null };
  }
  return changes;
}
