import { DateTime } from 'luxon';
import { auditActorTypes, auditObjectTypes, type AuditExportQuery, type AuditObjectType } from '@callboard/shared';

/** The audit screen's view, kept in the URL: an order's or client's "Audit" link opens it filtered. */
export type AuditFilter = {
  objectType: AuditObjectType | null;
  objectId: string;
  /** `user:<id>` for a person, or the kind of a non-person actor (`scheduler`, `intake`, `customer`). */
  actor: string;
  /** Calendar days in the reader's time zone, both inclusive; '' for open-ended. */
  from: string;
  to: string;
  page: number;
  limit: number;
};

export const auditPageSizes = [25, 50, 100] as const;

export const defaultAuditFilter: AuditFilter = {
  objectType: null,
  objectId: '',
  actor: '',
  from: '',
  to: '',
  page: 1,
  limit: 50,
};

const day = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null, fallback: number): number {
  return value && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : fallback;
}

export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const objectType = params.get('objectType');
  const limit = positiveInt(params.get('limit'), defaultAuditFilter.limit);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    objectType: (auditObjectTypes as readonly string[]).includes(objectType ?? '')
      ? (objectType as AuditObjectType)
      : null,
    objectId: (params.get('objectId') ?? '').slice(0, 64),
    actor: params.get('actor') ?? '',
    from: day.test(from) ? from : '',
    to: day.test(to) ? to : '',
    page: positiveInt(params.get('page'), 1),
    limit: (auditPageSizes as readonly number[]).includes(limit) ? limit : defaultAuditFilter.limit,
  };
}

/** Only what differs from the default, so the unfiltered screen has a plain URL. */
export function auditFilterToParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.objectType) params.set('objectType', filter.objectType);
  if (filter.objectId) params.set('objectId', filter.objectId);
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.page !== 1) params.set('page', String(filter.page));
  if (filter.limit !== defaultAuditFilter.limit) params.set('limit', String(filter.limit));
  return params;
}

const startOfDay = (date: string, zone: string) => DateTime.fromISO(date, { zone }).startOf('day');

/**
 * The API's filters: days become instants in the reader's zone, the end day counting whole
 * (`to` is the next midnight, which the API excludes).
 */
export function auditFilterToQuery(filter: AuditFilter, zone = 'local'): AuditExportQuery {
  const query: AuditExportQuery = {};
  if (filter.objectType) query.objectType = filter.objectType;
  if (filter.objectId.trim()) query.objectId = filter.objectId.trim();
  if (filter.actor.startsWith('user:')) query.actorId = filter.actor.slice('user:'.length);
  else if ((auditActorTypes as readonly string[]).includes(filter.actor))
    query.actorType = filter.actor as AuditExportQuery['actorType'];
  if (filter.from) query.from = startOfDay(filter.from, zone).toUTC().toISO()!;
  if (filter.to) query.to = startOfDay(filter.to, zone).plus({ days: 1 }).toUTC().toISO()!;
  return query;
}

/** The end day before the start day matches nothing: the screen says so instead of asking. */
export function auditRangeInvalid(filter: AuditFilter): boolean {
  return Boolean(filter.from && filter.to && filter.to < filter.from);
}

/** Where an order's or a client's "Audit" link goes. */
export function auditPathFor(objectType: AuditObjectType, objectId: string): string {
  return `/admin/audit?${auditFilterToParams({ ...defaultAuditFilter, objectType, objectId }).toString()}`;
}
