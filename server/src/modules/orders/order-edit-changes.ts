import { derivePaymentStatus, fromMinor, type OrderEditField, type UpdateOrderBody } from '@callboard/shared';
import { iso } from '../../db/dates.js';
import { userNames } from '../users/index.js';
import { assertAssignableUser } from '../clients/index.js';
import { type OrderDoc } from './order.model.js';
import { copyItems, minorOrThrow, orderTotalMinor, toStoredItems, type StoredItem } from './order-items.js';

/** One changed field as the timeline tells it: `label: from → to`, in words a person reads. */
export type FieldChange = { field: OrderEditField; label: string; from: string; to: string };

export type OrderEdit = { set: Record<string, unknown>; changes: FieldChange[] };

const none = 'none';

function moneyText(minor: number, currency: string): string {
  return `${fromMinor(minor, currency)} ${currency}`;
}

function itemsText(items: StoredItem[], currency: string): string {
  return items
    .map((i) => `${i.quantity} × ${i.name}${i.sku ? ` (${i.sku})` : ''} at ${moneyText(i.unitPriceMinor, currency)}`)
    .join(', ');
}

type Collect = (field: OrderEditField, label: string, from: string, to: string) => void;

/** Items, discount and the total that follows from them. */
function priceEdit(order: OrderDoc, body: UpdateOrderBody, set: Record<string, unknown>, add: Collect): void {
  if (!body.items && body.discount === undefined) return;
  const cur = order.currency;
  const before = copyItems(order);
  const items = body.items ? toStoredItems(body.items, cur) : before;
  const discountMinor =
    body.discount === undefined ? (order.discountMinor ?? 0) : minorOrThrow(body.discount, cur, 'body.discount');
  const totalMinor = orderTotalMinor(items, discountMinor);
  if (JSON.stringify(items) !== JSON.stringify(before)) {
    set.items = items;
    add('items', 'Items', itemsText(before, cur), itemsText(items, cur));
  }
  if (discountMinor !== (order.discountMinor ?? 0)) {
    set.discountMinor = discountMinor;
    add('discount', 'Discount', moneyText(order.discountMinor ?? 0, cur), moneyText(discountMinor, cur));
  }
  if (totalMinor === order.totalMinor) return;
  set.totalMinor = totalMinor;
  set.paymentStatus = derivePaymentStatus(totalMinor, order.paidMinor ?? 0, order.paymentStatus === 'refunded');
  add('items', 'Total', moneyText(order.totalMinor, cur), moneyText(totalMinor, cur));
}

async function managerEdit(order: OrderDoc, body: UpdateOrderBody, set: Record<string, unknown>, add: Collect) {
  const current = order.managerId ? String(order.managerId) : null;
  if (body.managerId === undefined || body.managerId === current) return;
  if (body.managerId) await assertAssignableUser(body.managerId);
  const names = await userNames([body.managerId, current].filter((id): id is string => !!id));
  const name = (id: string | null) => (id ? (names.get(id) ?? 'unknown') : 'not assigned');
  set.managerId = body.managerId;
  add('managerId', 'Manager', name(current), name(body.managerId));
}

const textFields = [
  ['funnel', 'Funnel'],
  ['stage', 'Stage'],
  ['source', 'Source'],
  ['channel', 'Channel'],
  ['paymentMethod', 'Payment method'],
] as const;

const deliveryFields = [
  ['method', 'Delivery method'],
  ['address', 'Delivery address'],
  ['trackingNumber', 'Tracking number'],
  ['expectedDate', 'Expected delivery'],
] as const;

function deliveryEdit(order: OrderDoc, body: UpdateOrderBody, set: Record<string, unknown>, add: Collect): void {
  if (!body.delivery) return;
  const before = order.delivery ?? {};
  const after: Record<string, string | null> = {};
  let changed = false;
  for (const [key, label] of deliveryFields) {
    const from = before[key] ?? null;
    // An emptied text box means "none", as null does.
    const to = body.delivery[key] === undefined ? from : body.delivery[key] || null;
    after[key] = to;
    if (to !== from) {
      changed = true;
      add('delivery', label, from ?? none, to ?? none);
    }
  }
  if (changed) set.delivery = after;
}

/**
 * What a PATCH changes: the `$set` to write and one line per changed field, from → to. Nothing is
 * written here; a refused value (an unknown manager, a discount above the subtotal) throws first.
 */
export async function computeOrderEdit(order: OrderDoc, body: UpdateOrderBody): Promise<OrderEdit> {
  const set: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  const add: Collect = (field, label, from, to) => changes.push({ field, label, from, to });
  const cur = order.currency;

  priceEdit(order, body, set, add);
  await managerEdit(order, body, set, add);
  if (body.tags !== undefined) {
    const tags = [...new Set(body.tags)];
    if (tags.join('\n') !== (order.tags ?? []).join('\n')) {
      set.tags = tags;
      add('tags', 'Tags', (order.tags ?? []).join(', ') || none, tags.join(', ') || none);
    }
  }
  for (const [key, label] of textFields) {
    const to = body[key] === undefined ? undefined : body[key] || null;
    if (to !== undefined && to !== (order[key] ?? null)) {
      set[key] = to;
      add(key, label, order[key] ?? none, to ?? none);
    }
  }
  if (body.autoCancelAt !== undefined) {
    const next = body.autoCancelAt ? new Date(body.autoCancelAt) : null;
    if (iso(next) !== iso(order.autoCancelAt)) {
      set.autoCancelAt = next;
      add('autoCancelAt', 'Auto-cancel', iso(order.autoCancelAt) ?? 'off', iso(next) ?? 'off');
    }
  }
  deliveryEdit(order, body, set, add);
  for (const [key, field, label] of [
    ['income', 'incomeMinor', 'Income'],
    ['expenses', 'expensesMinor', 'Expenses'],
  ] as const) {
    const value = body[key];
    if (value === undefined) continue;
    const minor = minorOrThrow(value, cur, `body.${key}`);
    if (minor !== (order[field] ?? 0)) {
      set[field] = minor;
      add(key, label, moneyText(order[field] ?? 0, cur), moneyText(minor, cur));
    }
  }
  return { set, changes };
}
