import { defaultListStatuses, orderStatuses, type OrderStatus } from '@callboard/shared';
import type { OrderListArgs } from './api/orders-api';

/** The orders list's view: every field lives in the URL, so a view can be bookmarked and shared. */
export type OrderFilter = {
  /** `all` lists every status; the default (pending, reserved, paid) is what the server applies without one. */
  status: OrderStatus[] | 'all';
  year: number | null;
  /** A user id, `none` (not assigned) or null (anyone). */
  managerId: string | null;
  tag: string;
  stage: string;
  q: string;
  /** Only orders a call flagged "already paid", whatever their status (the statuses above are then not applied). */
  paymentCheck: boolean;
  /** Only open orders out of the call queue until their client has a callable phone. */
  needsContact: boolean;
  page: number;
  limit: number;
};

export const pageSizes = [25, 50, 100] as const;
const defaultLimit = 50;

export const defaultFilter: OrderFilter = {
  status: defaultListStatuses,
  year: null,
  managerId: null,
  tag: '',
  stage: '',
  q: '',
  paymentCheck: false,
  needsContact: false,
  page: 1,
  limit: defaultLimit,
};

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Reads a view from the URL; anything unreadable falls back to the default rather than failing. */
export function filterFromParams(params: URLSearchParams): OrderFilter {
  const rawStatus = params.get('status');
  let status: OrderFilter['status'] = defaultFilter.status;
  if (rawStatus === 'all') status = 'all';
  else if (rawStatus) {
    const picked = orderStatuses.filter((s) => rawStatus.split(',').includes(s));
    if (picked.length) status = picked;
  }
  const year = positiveInt(params.get('year'));
  const limit = positiveInt(params.get('limit'));
  return {
    status,
    year: year !== null && year >= 2000 && year <= 2100 ? year : null,
    managerId: params.get('manager') || null,
    tag: params.get('tag') ?? '',
    stage: params.get('stage') ?? '',
    q: params.get('q') ?? '',
    paymentCheck: params.get('check') === 'payment',
    needsContact: params.get('needs') === 'contact',
    page: positiveInt(params.get('page')) ?? 1,
    limit: limit !== null && (pageSizes as readonly number[]).includes(limit) ? limit : defaultLimit,
  };
}

function sameStatuses(a: OrderFilter['status'], b: OrderFilter['status']): boolean {
  if (a === 'all' || b === 'all') return a === b;
  return a.length === b.length && a.every((s) => b.includes(s));
}

/** Writes only what differs from the default, so the plain list has a plain URL. */
export function filterToParams(filter: OrderFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (!sameStatuses(filter.status, defaultFilter.status)) {
    params.set(
      'status',
      filter.status === 'all' ? 'all' : orderStatuses.filter((s) => filter.status.includes(s)).join(','),
    );
  }
  if (filter.year !== null) params.set('year', String(filter.year));
  if (filter.managerId) params.set('manager', filter.managerId);
  if (filter.tag.trim()) params.set('tag', filter.tag.trim());
  if (filter.stage.trim()) params.set('stage', filter.stage.trim());
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.paymentCheck) params.set('check', 'payment');
  if (filter.needsContact) params.set('needs', 'contact');
  if (filter.page > 1) params.set('page', String(filter.page));
  if (filter.limit !== defaultLimit) params.set('limit', String(filter.limit));
  return params;
}

export function filterToQuery(filter: OrderFilter): OrderListArgs {
  return {
    status: filter.paymentCheck || filter.status === 'all' ? 'all' : filter.status.join(','),
    ...(filter.paymentCheck ? { paymentCheck: 'true' as const } : {}),
    ...(filter.needsContact ? { needsContact: 'true' as const } : {}),
    ...(filter.year !== null ? { year: filter.year } : {}),
    ...(filter.managerId ? { managerId: filter.managerId } : {}),
    ...(filter.tag.trim() ? { tag: filter.tag.trim() } : {}),
    ...(filter.stage.trim() ? { stage: filter.stage.trim() } : {}),
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    page: filter.page,
    limit: filter.limit,
  };
}
