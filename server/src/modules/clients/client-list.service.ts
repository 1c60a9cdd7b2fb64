import type mongoose from 'mongoose';
import type { ClientListItem, ClientOrdersSummary, Page } from '@callboard/shared';
import { userNames } from '../users/index.js';
import { clientMirror, type ClientDoc } from './client.model.js';
import { toPhone } from './client.service.js';

/**
 * The clients list and the client search the order list uses. Orders live a layer above, so the
 * list's order counts come through a look-up wiring.ts hands in (one orders read per page).
 */

export type ClientOrderSummaries = (clientIds: string[]) => Promise<Map<string, ClientOrdersSummary>>;

let orderSummaries: ClientOrderSummaries = async () => new Map();

export function setClientOrderSummaries(lookup: ClientOrderSummaries): void {
  orderSummaries = lookup;
}

const noOrders: ClientOrdersSummary = { count: 0, lastOrderId: null, lastOrderNumber: null, lastOrderAt: null };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Name or e-mail containing the text, or a phone containing its digits. Digits are compared
 * without leading zeros so "0034 600…", "+34 600…" and "600 11 22 33" all find +34600112233.
 */
function clientSearchFilter(q: string | undefined): Record<string, unknown> {
  if (!q) return {};
  const text = escapeRegex(q);
  const or: Record<string, unknown>[] = [
    { name: { $regex: text, $options: 'i' } },
    { emails: { $regex: text, $options: 'i' } },
  ];
  const digits = q.replace(/\D/g, '').replace(/^0+/, '');
  if (digits.length >= 5 && /^[\d\s()+.\-/]+$/.test(q)) or.push({ 'phones.number': { $regex: digits } });
  return { $or: or };
}

/** Ids of clients the text finds (see clientSearchFilter). */
export async function findClientIdsByText(q: string, limit = 500): Promise<mongoose.Types.ObjectId[]> {
  const docs = await clientMirror.find(clientSearchFilter(q), { projection: { _id: 1 }, limit });
  return docs.map((d) => d._id);
}

/** What a row shows: no notes, no pending contacts, no address, so the page's read stays small. */
const listFields = {
  name: 1,
  emails: 1,
  phones: 1,
  timezone: 1,
  managerId: 1,
  tags: 1,
  autoPayments: 1,
  createdAt: 1,
} as const;

type ListedClient = Pick<ClientDoc, '_id' | 'name' | 'emails' | 'phones' | 'timezone' | 'managerId' | 'tags'> & {
  autoPayments?: boolean;
  createdAt: Date;
};

/** GET /api/clients: a page by name, with manager names (by _id) and the page's order counts. */
export async function listClients(query: { q?: string; page: number; limit: number }): Promise<Page<ClientListItem>> {
  const filter = clientSearchFilter(query.q);
  const docs: ListedClient[] = await clientMirror.find(filter, {
    projection: listFields,
    sort: { name: 1, _id: 1 },
    skip: (query.page - 1) * query.limit,
    limit: query.limit,
  });
  // The page is read first: a short last page (or a first page that is all there is) tells the total without a count.
  const short = docs.length < query.limit && (docs.length > 0 || query.page === 1);
  const total = short ? (query.page - 1) * query.limit + docs.length : await clientMirror.count(filter);
  const ids = docs.map((d) => String(d._id));
  const [names, orders] = await Promise.all([
    userNames(docs.flatMap((d) => (d.managerId ? [String(d.managerId)] : []))),
    ids.length ? orderSummaries(ids) : new Map<string, ClientOrdersSummary>(),
  ]);
  const items = docs.map((d): ClientListItem => {
    const id = String(d._id);
    const managerId = d.managerId ? String(d.managerId) : null;
    return {
      id,
      name: d.name,
      emails: d.emails ?? [],
      phones: (d.phones ?? []).map(toPhone),
      timezone: d.timezone ?? null,
      managerId,
      managerName: managerId ? (names.get(managerId) ?? null) : null,
      tags: d.tags ?? [],
      autoPayments: !!d.autoPayments,
      createdAt: d.createdAt.toISOString(),
      orders: orders.get(id) ?? noOrders,
    };
  });
  return { items, total, page: query.page, limit: query.limit };
}
