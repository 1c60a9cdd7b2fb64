import { currencyDigits, fromMinor, toMinor, type OrderItem } from '@callboard/shared';
import type { MessageKey, Vars } from '../../i18n/i18n';

/** One row as typed: text until it is checked, so a half-typed "19," is not lost. */
export type ItemDraft = { key: number; name: string; sku: string; quantity: string; unitPrice: string };
export type ItemsDraft = { items: ItemDraft[]; discount: string };
export type ItemField = 'name' | 'sku' | 'quantity' | 'unitPrice';

export type ItemsValue = {
  items: { name: string; quantity: number; unitPrice: number; sku?: string }[];
  discount: number;
};

export type Problem = { key: MessageKey; vars?: Vars };

export type ItemsCheck = {
  /** By `<row key>.<field>`, `discount` or `items`. */
  problems: Record<string, Problem>;
  /** Each row's line total in minor units, null while its quantity or price is not a number. */
  lineMinor: Map<number, number | null>;
  /** null while a row cannot be priced. */
  totalMinor: number | null;
  /** What PATCH /api/orders/:id or a follow-up takes, once nothing is wrong. */
  value: ItemsValue | null;
};

let lastKey = 0;

export function newItemDraft(): ItemDraft {
  lastKey += 1;
  return { key: lastKey, name: '', sku: '', quantity: '1', unitPrice: '' };
}

export function itemsDraftOf(order: { items: OrderItem[]; discount: number }): ItemsDraft {
  return {
    items: order.items.map((i) => ({
      ...newItemDraft(),
      name: i.name,
      sku: i.sku ?? '',
      quantity: String(i.quantity),
      unitPrice: String(i.unitPrice),
    })),
    discount: order.discount ? String(order.discount) : '0',
  };
}

/** "19,99" and "19.99" are the same amount; anything else that is not a plain number is not one. */
function parseAmount(text: string): number | null {
  const normal = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : null;
}

/**
 * The same limits the server's schema sets (shared/src/orders/order.schema.ts), said in words, and the
 * total the server will compute — items less the discount, in exact minor units — as a preview.
 */
export function checkItemsDraft(draft: ItemsDraft, currency: string): ItemsCheck {
  const digits = currencyDigits(currency);
  const problems: Record<string, Problem> = {};
  const lineMinor = new Map<number, number | null>();
  const items: ItemsValue['items'] = [];
  let subtotal: number | null = 0;

  if (draft.items.length === 0) problems.items = { key: 'items.error.none' };
  for (const row of draft.items) {
    const name = row.name.trim();
    const sku = row.sku.trim();
    if (!name) problems[`${row.key}.name`] = { key: 'items.error.name' };
    else if (name.length > 200) problems[`${row.key}.name`] = { key: 'items.error.tooLong', vars: { max: 200 } };
    if (sku.length > 64) problems[`${row.key}.sku`] = { key: 'items.error.tooLong', vars: { max: 64 } };
    const quantity = /^\d+$/.test(row.quantity.trim()) ? Number(row.quantity.trim()) : null;
    if (quantity === null || quantity < 1 || quantity > 100_000)
      problems[`${row.key}.quantity`] = { key: 'items.error.quantity' };
    const price = parseAmount(row.unitPrice);
    const priceMinor = price === null ? null : toMinor(price, currency);
    if (priceMinor === null) problems[`${row.key}.unitPrice`] = { key: 'items.error.amount', vars: { digits } };
    const line = quantity !== null && priceMinor !== null ? quantity * priceMinor : null;
    lineMinor.set(row.key, line);
    subtotal = subtotal === null || line === null ? null : subtotal + line;
    if (quantity !== null && price !== null) items.push({ name, quantity, unitPrice: price, ...(sku ? { sku } : {}) });
  }

  const discount = parseAmount(draft.discount || '0');
  const discountMinor = discount === null ? null : toMinor(discount, currency);
  if (discountMinor === null) problems.discount = { key: 'items.error.amount', vars: { digits } };
  else if (subtotal !== null && discountMinor > subtotal) problems.discount = { key: 'items.error.discount' };

  const totalMinor = subtotal !== null && discountMinor !== null ? Math.max(0, subtotal - discountMinor) : null;
  const ok = Object.keys(problems).length === 0 && discount !== null;
  return { problems, lineMinor, totalMinor, value: ok ? { items, discount: discount ?? 0 } : null };
}

/** A typed amount as the API takes it, or null when it is not 0 or more with the currency's decimals. */
export function amountOf(text: string, currency: string): number | null {
  const amount = parseAmount(text || '0');
  return amount !== null && toMinor(amount, currency) !== null ? amount : null;
}

/** Minor units back to the major-unit number the formatter takes. */
export const majorOf = (minor: number, currency: string) => fromMinor(minor, currency);
