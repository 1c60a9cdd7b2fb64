import { z } from 'zod';
import { isoDateTime, objectId, pageQuery } from '../common/common.schema.js';
import type { Actor } from '../common/actor.js';

export const auditObjectTypes = ['order', 'client', 'settings', 'template', 'user'] as const;
export type AuditObjectType = (typeof auditObjectTypes)[number];

/** Who can appear as the actor of an entry ('customer' once the customer's page acts on orders). */
export const auditActorTypes = ['user', 'scheduler', 'intake', 'customer'] as const;

const auditFilters = {
  objectType: z.enum(auditObjectTypes).optional(),
  /** Order, client, template and user ids are ObjectIds; the settings' one document is "global". */
  objectId: z.string().trim().min(1).max(64).optional(),
  actorId: objectId.optional(),
  /** Entries by the scheduler, the website or customers, who have no id to filter by. */
  actorType: z.enum(auditActorTypes).optional(),
  /** From this instant (inclusive) … */
  from: isoDateTime.optional(),
  /** … to this one (exclusive). */
  to: isoDateTime.optional(),
};

export const auditExportQuery = z.object(auditFilters).strict();
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

export const auditListQuery = z.object({ ...auditFilters, ...pageQuery }).strict();
export type AuditListQuery = z.infer<typeof auditListQuery>;

export type AuditChange = { from: unknown; to: unknown };

export type AuditEntry = {
  id: string;
  at: string;
  by: Actor;
  objectType: AuditObjectType;
  objectId: string;
  action: string;
  changes: Record<string, AuditChange>;
};

/** A value as the audit screen and its CSV show it: text as is, nothing as "—", anything else as JSON. */
export function auditValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** "field: before → after", one per changed field, the way both the screen and the export write a change. */
export function auditChangeLines(changes: Record<string, AuditChange>): string[] {
  return Object.entries(changes).map(
    ([field, { from, to }]) => `${field}: ${auditValueText(from)} → ${auditValueText(to)}`,
  );
}
