import type { OrderListArgs } from './api/orders-api';

/**
 * The list's filters (not its page) as the URL carries them, strings only: what the CSV export reads
 * from its query string and a bulk action's "all matching" selection sends, so both select what the list shows.
 */
export function listFilterParams(args: OrderListArgs): Record<string, string> {
  const { page: _page, limit: _limit, ...filters } = args;
  return Object.fromEntries(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  );
}
