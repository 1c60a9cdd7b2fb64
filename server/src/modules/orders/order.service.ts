import mongoose from 'mongoose';
import {
  canTransition,
  defaultListStatuses,
  derivePaymentStatus,
  fromMinor,
  toMinor,
  type Actor,
  type CallInfo,
  type CallOutcome,
  type Client,
  type CreateOrderBody,
  type Order,
  type OrderListItem,
  type OrderListQuery,
  type OrderStatus,
  type Page,
  type PaymentMethod,
  type PaymentStatus,
  type UpdateOrderBody,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { userNames } from '../users/index.js';
import {
  addPendingContacts,
  assertAssignableUser,
  clientNames,
  findClientIdsByText,
  getClient,
  matchOrCreateClient,
} from '../clients/index.js';
import { CounterModel, OrderModel, type OrderDoc } from './order.model.js';
import { OrderEventModel, type OrderEventType } from './order-event.model.js';
import { OrderNoteModel } from './order-note.model.js';
import { derivedObjectId, insertOnce, isDuplicateKeyError } from '../../db/duplicate-key.js';
import { toActor } from '../../db/actor.js';
import { iso } from '../../db/dates.js';

/** Statuses in which the order is still worked by phone; leaving them takes the order out of the queue. */
export const callableStatuses: readonly OrderStatus[] = ['pending', 'reserved'];

const orderNumberBase = 10000;
const numberAttempts = 25;

/** Minor units of an amount in the order's currency, or a 400 naming the field. */
export function minorOrThrow(amount: number, currency: string, path: string): number {
  const minor = toMinor(amount, currency);
  if (minor === null)
    throw badRequest(`${path} has more decimals than ${currency} allows`, [{ path, message: 'too many decimals' }]);
  return minor;
}

type ItemInput = { name: string; quantity: number; unitPrice: number; sku?: string };
type StoredItem = { name: string; sku: string | null; quantity: number; unitPriceMinor: number };

function copyItems(order: OrderDoc): StoredItem[] {
  return order.items.map((i) => ({
    name: i.name,
    sku: i.sku ?? null,
    quantity: i.quantity,
    unitPriceMinor: i.unitPriceMinor,
  }));
}

function toStoredItems(items: ItemInput[], currency: string): StoredItem[] {
  return items.map((item, i) => ({
    name: item.name,
    sku: item.sku ?? null,
    quantity: item.quantity,
    unitPriceMinor: minorOrThrow(item.unitPrice, currency, `body.items.${i}.unitPrice`),
  }));
}

/** The total in minor units: exact integer sums, never floats. */
export function orderTotalMinor(items: StoredItem[], discountMinor: number): number {
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0);
  if (discountMinor > subtotal) {
    throw badRequest('The discount is larger than the items cost', [
      { path: 'body.discount', message: 'exceeds the subtotal' },
    ]);
  }
  if (!Number.isSafeInteger(subtotal)) throw badRequest('The order total is too large');
  return subtotal - discountMinor;
}

export function toOrderDto(doc: OrderDoc): Order {
  const cur = doc.currency;
  const money = (minor: number | null | undefined) => fromMinor(minor ?? 0, cur);
  const call = doc.call ?? ({} as OrderDoc['call']);
  const callInfo: CallInfo = {
    state: (call?.state ?? 'due') as CallInfo['state'],
    nextCallAt: iso(call?.nextCallAt),
    notReachedStreak: call?.notReachedStreak ?? 0,
    attempts: call?.attempts ?? 0,
    lastOutcome: (call?.lastOutcome ?? null) as CallOutcome | null,
    lastCallAt: iso(call?.lastCallAt),
  };
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
    delivery: { method: doc.delivery?.method ?? null, trackingNumber: doc.delivery?.trackingNumber ?? null },
    autoCancelAt: iso(doc.autoCancelAt),
    ip: doc.ip ?? null,
    source: doc.source ?? null,
    channel: doc.channel ?? null,
    paymentCheck: !!doc.paymentCheck,
    call: callInfo,
    createdBy: toActor(doc.createdBy),
    ...(doc.contact?.email || doc.contact?.phone
      ? { contact: { email: doc.contact.email ?? null, phone: doc.contact.phone ?? null } }
      : {}),
  };
}

/** The order, or null if there is none with this id. */
export async function findOrderDoc(id: string): Promise<OrderDoc | null> {
  return mongoose.isValidObjectId(id) ? OrderModel.findById(id).lean<OrderDoc>() : null;
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

/**
 * Adds a timeline entry. With `once`, the entry is stored under an id derived from that key, so
 * the effect that writes it can be retried (after a crash) without a second entry.
 */
export async function recordOrderEvent(
  orderId: string,
  event: { type: OrderEventType; text?: string | null; data?: Record<string, unknown>; actor: Actor; once?: string },
): Promise<void> {
  await insertOnce(() =>
    OrderEventModel.create({
      ...(event.once ? { _id: derivedObjectId(event.once) } : {}),
      orderId,
      type: event.type,
      at: clock.now(),
      by: event.actor,
      text: event.text ?? null,
      data: event.data ?? {},
    }),
  );
}

async function takeOrderNumber(): Promise<number> {
  try {
    const counter = await CounterModel.findOneAndUpdate(
      { _id: 'order' },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean<{ seq: number }>();
    return orderNumberBase + (counter?.seq ?? 1);
  } catch (err) {
    // Two first-ever orders may both try to create the counter; the loser just takes the next one.
    if (isDuplicateKeyError(err)) return takeOrderNumber();
    throw err;
  }
}

/** After a collision, moves the counter past the highest number in use (it can lag after an import). */
async function catchUpCounter(): Promise<void> {
  const top = await OrderModel.findOne({}, { number: 1 }).sort({ number: -1 }).lean<{ number: number }>();
  if (top)
    await CounterModel.updateOne({ _id: 'order' }, { $max: { seq: top.number - orderNumberBase } }, { upsert: true });
}

type NewOrderFields = {
  clientId: mongoose.Types.ObjectId;
  managerId: mongoose.Types.ObjectId | null;
  items: StoredItem[];
  currency: string;
  discountMinor: number;
  totalMinor: number;
  paymentMethod: PaymentMethod | null;
  tags: string[];
  funnel: string | null;
  stage: string | null;
  delivery: { method: string | null; trackingNumber: string | null };
  autoCancelAt: Date | null;
  ip: string | null;
  contact: { email: string | null; phone: string | null };
  source: string | null;
  channel: string | null;
  createdBy: Actor;
};

/**
 * Inserts a new pending order, due in the call queue now. The number comes from the counter; the
 * unique index on `number` is the guarantee, so a collision just takes another number.
 */
/** `id` given: the order is created under it once; a repeat returns the order the first one made. */
async function insertOrder(fields: NewOrderFields, id?: mongoose.Types.ObjectId): Promise<OrderDoc> {
  const now = clock.now();
  for (let attempt = 0; attempt < numberAttempts; attempt++) {
    const number = await takeOrderNumber();
    try {
      const doc = await OrderModel.create({
        ...(id ? { _id: id } : {}),
        ...fields,
        number,
        status: 'pending',
        paymentStatus: 'unpaid',
        call: { state: 'due', nextCallAt: now },
      });
      return doc.toObject() as unknown as OrderDoc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = id ? await OrderModel.findById(id).lean<OrderDoc>() : null;
      if (existing) return existing;
      if (attempt >= 1) await catchUpCounter();
    }
  }
  throw conflict('Could not allocate an order number; please retry');
}

/** A new order from the shop (intake) or from staff: the client is matched or created first. */
export async function createOrder(input: CreateOrderBody, actor: Actor, ip: string | null): Promise<Order> {
  // Everything is checked before the first write, so a refused order leaves no client behind.
  const items = toStoredItems(input.items, input.currency);
  const discountMinor =
    input.discount === undefined ? 0 : minorOrThrow(input.discount, input.currency, 'body.discount');
  const totalMinor = orderTotalMinor(items, discountMinor);
  // Contacts typed by staff are theirs to vouch for; the shop website's are not (see matchOrCreateClient).
  const { client, newContacts } = await matchOrCreateClient(input.client, { confirmed: actor.type !== 'intake' });
  const doc = await insertOrder({
    clientId: client._id,
    managerId: client.managerId ?? null,
    items,
    currency: input.currency,
    discountMinor,
    totalMinor,
    paymentMethod: input.paymentMethod ?? null,
    tags: [...new Set(input.tags ?? [])],
    funnel: null,
    stage: null,
    delivery: { method: null, trackingNumber: null },
    autoCancelAt: null,
    ip,
    contact: { email: newContacts.email, phone: newContacts.phone?.number ?? null },
    source: input.source ?? null,
    channel: input.channel ?? null,
    createdBy: actor,
  });
  if (newContacts.email || newContacts.phone) {
    await addPendingContacts(client._id, { id: String(doc._id), number: doc.number }, newContacts);
  }
  await emitDomainEvent('order.created', { orderId: String(doc._id), actor });
  return toOrderDto(doc);
}

function yearRange(year: number): { $gte: Date; $lt: Date } {
  return { $gte: new Date(Date.UTC(year, 0, 1)), $lt: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** Order numbers are short; longer digit strings are phone numbers and search clients instead. */
const orderNumberPattern = /^#?\d{1,7}$/;

export async function listOrders(query: OrderListQuery): Promise<Page<OrderListItem>> {
  const filter: Record<string, unknown> = {};
  const status = query.status ?? defaultListStatuses;
  if (status[0] !== 'all') filter.status = { $in: status };
  if (query.year !== undefined) filter.createdAt = yearRange(query.year);
  if (query.managerId) filter.managerId = query.managerId === 'none' ? null : query.managerId;
  if (query.tag) filter.tags = query.tag;
  if (query.stage) filter.stage = query.stage;
  if (query.clientId) filter.clientId = query.clientId;
  const empty = { items: [], total: 0, page: query.page, limit: query.limit };
  if (query.q) {
    if (orderNumberPattern.test(query.q)) {
      filter.number = Number(query.q.replace('#', ''));
    } else {
      const clientIds = await findClientIdsByText(query.q);
      if (clientIds.length === 0) return empty;
      filter.clientId = query.clientId
        ? { $in: clientIds.filter((id) => String(id) === query.clientId) }
        : { $in: clientIds };
    }
  }
  const [docs, total] = await Promise.all([
    OrderModel.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<OrderDoc[]>(),
    OrderModel.countDocuments(filter),
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

function moneyText(minor: number, currency: string): string {
  return `${fromMinor(minor, currency)} ${currency}`;
}

/**
 * Staff edits: items (the total follows), discount, manager, tags, funnel and stage, auto-cancel,
 * delivery, payment method, income and expenses. A meaningful change leaves a 'system' entry.
 */
export async function updateOrder(orderId: string, body: UpdateOrderBody, actor: Actor): Promise<Order> {
  const order = await getOrderDoc(orderId);
  const cur = order.currency;
  const set: Record<string, unknown> = {};
  const changes: string[] = [];

  const items = body.items ? toStoredItems(body.items, cur) : copyItems(order);
  const discountMinor =
    body.discount === undefined ? (order.discountMinor ?? 0) : minorOrThrow(body.discount, cur, 'body.discount');
  if (body.items || body.discount !== undefined) {
    const totalMinor = orderTotalMinor(items, discountMinor);
    if (body.items && JSON.stringify(items) !== JSON.stringify(copyItems(order))) {
      set.items = items;
      changes.push(`Items: ${items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}`);
    }
    if (discountMinor !== (order.discountMinor ?? 0)) {
      set.discountMinor = discountMinor;
      changes.push(`Discount: ${moneyText(order.discountMinor ?? 0, cur)} → ${moneyText(discountMinor, cur)}`);
    }
    if (totalMinor !== order.totalMinor) {
      set.totalMinor = totalMinor;
      set.paymentStatus = derivePaymentStatus(totalMinor, order.paidMinor ?? 0, order.paymentStatus === 'refunded');
      changes.push(`Total: ${moneyText(order.totalMinor, cur)} → ${moneyText(totalMinor, cur)}`);
    }
  }
  if (body.managerId !== undefined && body.managerId !== (order.managerId ? String(order.managerId) : null)) {
    if (body.managerId) await assertAssignableUser(body.managerId);
    const names = await userNames([body.managerId ?? '', order.managerId ? String(order.managerId) : '']);
    set.managerId = body.managerId;
    const name = (id: unknown) => (id ? (names.get(String(id)) ?? 'unknown') : 'not assigned');
    changes.push(`Manager: ${name(order.managerId)} → ${name(body.managerId)}`);
  }
  if (body.tags !== undefined) {
    const tags = [...new Set(body.tags)];
    if (tags.join('\n') !== (order.tags ?? []).join('\n')) {
      set.tags = tags;
      changes.push(`Tags: ${tags.join(', ') || 'none'}`);
    }
  }
  for (const key of ['funnel', 'stage'] as const) {
    if (body[key] !== undefined && body[key] !== (order[key] ?? null)) {
      set[key] = body[key];
      changes.push(`${key === 'funnel' ? 'Funnel' : 'Stage'}: ${order[key] ?? 'none'} → ${body[key] ?? 'none'}`);
    }
  }
  if (body.autoCancelAt !== undefined) {
    const next = body.autoCancelAt ? new Date(body.autoCancelAt) : null;
    if (iso(next) !== iso(order.autoCancelAt)) {
      set.autoCancelAt = next;
      changes.push(`Auto-cancel: ${iso(order.autoCancelAt) ?? 'off'} → ${iso(next) ?? 'off'}`);
    }
  }
  if (body.paymentMethod !== undefined && body.paymentMethod !== (order.paymentMethod ?? null)) {
    set.paymentMethod = body.paymentMethod;
    changes.push(`Payment method: ${order.paymentMethod ?? 'none'} → ${body.paymentMethod ?? 'none'}`);
  }
  if (body.delivery) {
    const delivery = {
      method: body.delivery.method !== undefined ? body.delivery.method : (order.delivery?.method ?? null),
      trackingNumber:
        body.delivery.trackingNumber !== undefined
          ? body.delivery.trackingNumber
          : (order.delivery?.trackingNumber ?? null),
    };
    if (
      delivery.method !== (order.delivery?.method ?? null) ||
      delivery.trackingNumber !== (order.delivery?.trackingNumber ?? null)
    ) {
      set.delivery = delivery;
      changes.push(
        `Delivery: ${delivery.method ?? 'none'}${delivery.trackingNumber ? `, tracking ${delivery.trackingNumber}` : ''}`,
      );
    }
  }
  for (const [key, field, label] of [
    ['income', 'incomeMinor', 'Income'],
    ['expenses', 'expensesMinor', 'Expenses'],
  ] as const) {
    const value = body[key];
    if (value === undefined) continue;
    const minor = minorOrThrow(value, cur, `body.${key}`);
    if (minor !== (order[field] ?? 0)) {
      set[field] = minor;
      changes.push(`${label}: ${moneyText(order[field] ?? 0, cur)} → ${moneyText(minor, cur)}`);
    }
  }

  if (changes.length === 0) return toOrderDto(order);
  // Filtering on updatedAt refuses an edit computed from a version someone else just changed.
  const updated = await OrderModel.findOneAndUpdate(
    { _id: order._id, updatedAt: order.updatedAt },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<OrderDoc>();
  if (!updated) throw conflict('The order was changed meanwhile; reload it and try again');
  await recordOrderEvent(orderId, {
    type: 'system',
    text: changes.join('\n'),
    data: { fields: Object.keys(set) },
    actor,
  });
  await emitDomainEvent('order.changed', { orderId });
  return toOrderDto(updated);
}

export type StatusChangeOptions = { message?: string; notifyClient?: boolean; notifyAdmin?: boolean };

/**
 * Moves an order to another status if the transition table allows it (409 otherwise), records
 * it on the timeline and announces it (letters react to the event). Leaving the callable
 * statuses takes the order out of the call queue; coming back from a closed status puts it in
 * the queue again, due now.
 */
export async function setOrderStatus(
  orderId: string,
  to: OrderStatus,
  actor: Actor,
  opts: StatusChangeOptions = {},
): Promise<Order> {
  const order = await getOrderDoc(orderId);
  const from = order.status as OrderStatus;
  if (!canTransition(from, to)) {
    throw new AppError('transition_not_allowed', `An order cannot go from ${from} to ${to}`, [
      { path: 'body.status', message: `not allowed from ${from}`, from, to },
    ]);
  }
  const now = clock.now();
  const set: Record<string, unknown> = { status: to };
  if (to === 'completed') set.completedAt = now;
  const wasCallable = callableStatuses.includes(from);
  const isCallable = callableStatuses.includes(to);
  let queueChanged = false;
  if (!isCallable && order.call?.state !== 'closed') {
    set['call.state'] = 'closed';
    set['call.nextCallAt'] = null;
    queueChanged = true;
  } else if (isCallable && !wasCallable && order.call?.state === 'closed') {
    set['call.state'] = 'due';
    set['call.nextCallAt'] = now;
    queueChanged = true;
  }
  const updated = await OrderModel.findOneAndUpdate(
    { _id: order._id, status: from },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<OrderDoc>();
  if (!updated) throw conflict('The order status was changed meanwhile; reload it and try again');
  await recordOrderEvent(orderId, {
    type: 'status',
    text: opts.message ?? null,
    data: { from, to, notifyClient: !!opts.notifyClient, notifyAdmin: !!opts.notifyAdmin },
    actor,
  });
  await emitDomainEvent('order.statusChanged', {
    orderId,
    from,
    to,
    actor,
    ...(opts.message ? { message: opts.message } : {}),
    // Left undefined when the caller did not say, so the settings decide whether the client is e-mailed.
    notifyClient: opts.notifyClient,
    notifyAdmin: !!opts.notifyAdmin,
  });
  await emitDomainEvent('order.changed', { orderId });
  if (queueChanged) await emitDomainEvent('queue.changed', { reason: `status:${to}`, orderId });
  return toOrderDto(updated);
}

/**
 * A new order for the same client with the same items ("invoice"), or in place of this one
 * ("replace": the original is cancelled, never deleted). The cancellation is checked before
 * anything is written.
 */
/**
 * "Save and create invoice" / "cancel and create order": a new order for the same client, the
 * old one kept (or cancelled, never deleted). Created under the id the call reserved for it, with
 * its timeline entries keyed to that id, so a retried call completes it without a second order.
 */
export async function createFollowUpOrder(
  orderId: string,
  actor: Actor,
  opts: { cancelOriginal: boolean; id: string },
): Promise<{ order: Order; newOrder: Order }> {
  const original = await getOrderDoc(orderId);
  const cancel = opts.cancelOriginal && original.status !== 'cancelled';
  if (cancel && !canTransition(original.status as OrderStatus, 'cancelled')) {
    throw new AppError(
      'transition_not_allowed',
      `Order #${original.number} is ${original.status} and cannot be cancelled`,
    );
  }
  const doc = await insertOrder(
    {
      clientId: original.clientId,
      managerId: original.managerId ?? null,
      items: copyItems(original),
      currency: original.currency,
      discountMinor: original.discountMinor ?? 0,
      totalMinor: original.totalMinor,
      paymentMethod: (original.paymentMethod ?? null) as PaymentMethod | null,
      tags: original.tags ?? [],
      funnel: original.funnel ?? null,
      stage: original.stage ?? null,
      delivery: { method: original.delivery?.method ?? null, trackingNumber: null },
      autoCancelAt: null,
      ip: null,
      // The follow-up continues the same purchase, so its letters may use the same address.
      contact: { email: original.contact?.email ?? null, phone: original.contact?.phone ?? null },
      source: original.source ?? null,
      channel: original.channel ?? null,
      createdBy: actor,
    },
    new mongoose.Types.ObjectId(opts.id),
  );
  const newId = String(doc._id);
  await recordOrderEvent(newId, {
    type: 'system',
    text: `Created from order #${original.number}`,
    data: { fromOrderId: orderId },
    actor,
    once: `follow-up:${newId}:from`,
  });
  await recordOrderEvent(orderId, {
    type: 'system',
    text: `${opts.cancelOriginal ? 'Replaced by' : 'Follow-up'} order #${doc.number}`,
    data: { followUpOrderId: newId },
    actor,
    once: `follow-up:${newId}:to`,
  });
  await emitDomainEvent('order.created', { orderId: newId, actor });
  const order = cancel
    ? await setOrderStatus(orderId, 'cancelled', actor, { message: `Replaced by order #${doc.number}` })
    : toOrderDto(original);
  return { order, newOrder: toOrderDto(doc) };
}

/**
 * Only an order nothing happened to may be deleted; one with payments, calls or notes is
 * history and must be cancelled instead.
 */
export async function deleteOrder(orderId: string): Promise<void> {
  const order = await getOrderDoc(orderId);
  const refuse = () =>
    conflict(`Order #${order.number} has payments, calls or notes: cancel it instead of deleting it`);
  if ((order.payments ?? []).length > 0 || (order.call?.attempts ?? 0) > 0) throw refuse();
  if (await OrderNoteModel.exists({ orderId: order._id })) throw refuse();
  // The filter re-checks in the same write, so a call or payment recorded meanwhile is not lost.
  const res = await OrderModel.deleteOne({
    _id: order._id,
    'call.attempts': order.call?.attempts ?? 0,
    payments: { $size: 0 },
  });
  if (res.deletedCount === 0) throw refuse();
  await OrderEventModel.deleteMany({ orderId: order._id });
  await emitDomainEvent('order.changed', { orderId });
  await emitDomainEvent('queue.changed', { reason: 'order.deleted', orderId });
}
