import { toMinor } from '@callboard/shared';
import { badRequest } from '../../lib/errors.js';
import { type OrderDoc } from './order.model.js';

/** Minor units of an amount in the order's currency, or a 400 naming the field. */
export function minorOrThrow(amount: number, currency: string, path: string): number {
  const minor = toMinor(amount, currency);
  if (minor === null)
    throw badRequest(`${path} has more decimals than ${currency} allows`, [{ path, message: 'too many decimals' }]);
  return minor;
}

export type ItemInput = { name: string; quantity: number; unitPrice: number; sku?: string };

export type StoredItem = { name: string; sku: string | null; quantity: number; unitPriceMinor: number };

export function copyItems(order: OrderDoc): StoredItem[] {
  return order.items.map((i) => ({
    name: i.name,
    sku: i.sku ?? null,
    quantity: i.quantity,
    unitPriceMinor: i.unitPriceMinor,
  }));
}

export function toStoredItems(items: ItemInput[], currency: string, path = 'body.items'): StoredItem[] {
  return items.map((item, i) => ({
    name: item.name,
    sku: item.sku || null,
    quantity: item.quantity,
    unitPriceMinor: minorOrThrow(item.unitPrice, currency, `${path}.${i}.unitPrice`),
  }));
}

/** The total in minor units: exact integer sums, never floats. */
export function orderTotalMinor(items: StoredItem[], discountMinor: number, discountPath = 'body.discount'): number {
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0);
  if (discountMinor > subtotal) {
    throw badRequest('The discount is larger than the items cost', [
      { path: discountPath, message: 'exceeds the subtotal' },
    ]);
  }
  if (!Number.isSafeInteger(subtotal)) throw badRequest('The order total is too large');
  return subtotal - discountMinor;
}
