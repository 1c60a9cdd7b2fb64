import mongoose from 'mongoose';
import {
  defaultListStatuses,
  fromMinor,
  type Client,
  type Order,
  type OrderListItem,
  type OrderListQuery,
  type OrderStatus,
  type Page,
  type PaymentMethod,
  type PaymentStatus,
} from '@callboard/shared';
import { notFound } from '../../lib/errors.js';
import { userNames } from '../users/index.js';
import { clientNames, findClientIdsByText, getClient } from '../clients/index.js';
import { toCallInfo } from '../call-state/index.js';
import { toActor } from '../../db/actor.js';
import { iso } from '../../db/dates.js';
import { OrderModel, orderMirror, type OrderDoc } from './order.model.js';
import { awaitingContactFilter } from './order-contact-rules.js';

export function toOrderDto(doc: OrderDoc): Order {
  const cur = doc.currency;
  const money = (minor: number | null | undefined) => fromMinor(minor ?? 0, cur);
  return {
    id: String(doc._id),
    number: doc.number,
    status: doc.status as OrderStatus,
    paymentStatus: doc.paymentStatus as PaymentStatus,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    clientId: String(doc.clientId),
    managerId: doc.managerId ? String(doc.managerId) : null,
    items: doc.items.map((i) => ({
      name: i.name,
      quantity: i.quantity,
      unitPrice: money(i.unitPriceMinor),
      sku: i.sku ?? null,
      lineTotal: money(i.quantity * i.unitPriceMinor),
    })),
    currency: cur,
    discount: money(doc.discountMinor),
    total: money(doc.totalMinor),
    paid: money(doc.paidMinor),
    advances: money(doc.advancesMinor),
    income: money(doc.incomeMinor),
    expenses: money(doc.expensesMinor),
    payments: (doc.payments ?? []).map((p) => ({
      id: String((p as { _id?: unknown })._id),
      at: p.at.toISOString(),
      kind: p.kind as 'payment' | 'advance' | 'refund',
      method: p.method as PaymentMethod,
      system: p.system ?? null,
      transactionId: p.transactionId ?? null,
      attempts: p.attempts ?? 1,
      amount: money(p.amountMinor),
      comment: p.comment ?? null,
      by: toActor(p.by),
    })),
    paymentMethod: (doc.paymentMethod ?? null) as PaymentMethod | null,
    tags: doc.tags ?? [],
    funnel: doc.funnel ?? null,
    stage: doc.stage ?? null,
    delivery: {
      method: doc.delivery?.method ?? null,
      address: doc.delivery?.address ?? null,
      trackingNumber: doc.delivery?.trackingNumber ?? null,
      expectedDate: doc.delivery?.expectedDate ?? null,
    },
    autoCancelAt: iso(doc.autoCancelAt),
    ip: doc.ip ?? null,
    source: doc.source ?? null,
    channel: doc.channel ?? null,
    paymentCheck: !!doc.paymentCheck,
    call: toCallInfo(doc.call),
    createdBy: toActor(doc.createdBy),
    ...(doc.contact?.email || doc.contact?.phone
      ? { contact: { email: doc.contact.email ?? null, phone: doc.contact.phone ?? null } }
      : {}),
  };
}

/** The order, or null if there is none with this id. */
export async function findOrderDoc(id: string): Promise<OrderDoc | null> {
  return orderMirror.findById(id);
}

export async function getOrderDoc(id: string): Promise<OrderDoc> {
  const doc = await findOrderDoc(id);
  if (!doc) throw notFound('Order');
  return doc;
}

export async function getOrder(id: string): Promise<Order> {
  return toOrderDto(await getOrderDoc(id));
}

export async function getOrderWithClient(id: string): Promise<{ order: Order; client: Client }> {
  const doc = await getOrderDoc(id);
  return { order: toOrderDto(doc), client: await getClient(String(doc.clientId)) };
}

function yearRange(year: number): { $gte: Date; $lt: Date } {
  return { $gte: new Date(Date.UTC(year, 0, 1)), $lt: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** Order numbers are short; longer digit strings are phone numbers and search clients instead. */
const orderNumberPattern = /^#?\d{1,7}$/;

/**
 * The list's filter for a query (its page aside), or null when nothing can match. The list, its
 * export and bulk actions on "all matching" share it, so they always select the same orders.
 */
export async function orderListFilter(
  query: Omit<OrderListQuery, 'page' | 'limit'>,
): Promise<Record<string, unknown> | null> {
  const filter: Record<string, unknown> = {};
  // Flagged orders are asked for whatever their status, unless the query names statuses too.
  const status = query.status ?? (query.paymentCheck ? ['all'] : defaultListStatuses);
  if (status[0] !== 'all') filter.status = { $in: status };
  if (query.year !== undefined) filter.createdAt = yearRange(query.year);
  if (query.managerId) filter.managerId = query.managerId === 'none' ? null : query.managerId;
  if (query.tag) filter.tags = query.tag;
  if (query.stage) filter.stage = query.stage;
  if (query.clientId) filter.clientId = query.clientId;
  if (query.paymentCheck !== undefined) filter.paymentCheck = query.paymentCheck;
  if (query.needsContact) filter.$and = [awaitingContactFilter];
  if (query.q) {
    if (orderNumberPattern.test(query.q)) {
      filter.number = Number(query.q.replace('#', ''));
    } else {
      const clientIds = await findClientIdsByText(query.q);
      if (clientIds.length === 0) return null;
      filter.clientId = query.clientId
        ? { $in: clientIds.filter((id) => String(id) === query.clientId) }
        : { $in: clientIds };
    }
  }
  return filter;
}

export async function listOrders(query: OrderListQuery): Promise<Page<OrderListItem>> {
  const filter = await orderListFilter(query);
  if (!filter) return { items: [], total: 0, page: query.page, limit: query.limit };
  const [docs, total] = await Promise.all([
    orderMirror.find(filter, {
      sort: { createdAt: -1, _id: -1 },
      skip: (query.page - 1) * query.limit,
      limit: query.limit,
    }),
    orderMirror.count(filter),
  ]);
  const [clients, managers] = await Promise.all([
    clientNames(docs.map((d) => String(d.clientId))),
    userNames(docs.flatMap((d) => (d.managerId ? [String(d.managerId)] : []))),
  ]);
  const items = docs.map((d) => {
    const order = toOrderDto(d);
    return {
      ...order,
      clientName: clients.get(order.clientId) ?? '',
      managerName: order.managerId ? (managers.get(order.managerId) ?? null) : null,
    };
  });
  return { items, total, page: query.page, limit: query.limit };
}

/** Ids of the orders completed in (after, until]: what the review-request sweep asks. */
export async function findOrderIdsCompletedBetween(after: Date, until: Date): Promise<string[]> {
  const docs = await OrderModel.find(
    { status: 'completed', completedAt: { $gt: after, $lte: until } },
    { _id: 1 },
  ).lean<{ _id: mongoose.Types.ObjectId }[]>();
  return docs.map((d) => String(d._id));
}
