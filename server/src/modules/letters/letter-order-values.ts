import { DateTime } from 'luxon';
import { formatMoney, type Locale } from '@callboard/shared';
import { escapeHtml } from '../../lib/rich-text.js';
import type { OrderDoc } from '../orders/index.js';

/** The letter variables that describe the order's contents and delivery, apart from the money and client ones. */

const headings: Record<Locale, { item: string; quantity: string; unitPrice: string; lineTotal: string }> = {
  en: { item: 'Item', quantity: 'Quantity', unitPrice: 'Unit price', lineTotal: 'Total' },
  es: { item: 'Artículo', quantity: 'Cantidad', unitPrice: 'Precio unitario', lineTotal: 'Total' },
};

const footings: Record<Locale, { discount: string; total: string }> = {
  en: { discount: 'Discount', total: 'Order total' },
  es: { discount: 'Descuento', total: 'Total del pedido' },
};

/**
 * `<$items>`: the order's items as a table (name, quantity, unit price, line total), then the
 * discount when there is one and the total. Every value is escaped; the markup is ours.
 */
export function itemsTable(
  order: Pick<OrderDoc, 'items' | 'currency' | 'discountMinor' | 'totalMinor'>,
  locale: Locale,
): { html: string } {
  const money = (minor: number) => escapeHtml(formatMoney(minor, order.currency, locale));
  const h = headings[locale];
  const f = footings[locale];
  const head = `<thead><tr><th align="left">${h.item}</th><th align="right">${h.quantity}</th><th align="right">${h.unitPrice}</th><th align="right">${h.lineTotal}</th></tr></thead>`;
  const rows = order.items
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.name)}</td><td align="right">${i.quantity}</td><td align="right">${money(i.unitPriceMinor)}</td><td align="right">${money(i.quantity * i.unitPriceMinor)}</td></tr>`,
    )
    .join('');
  const discount = order.discountMinor
    ? `<tr><td colspan="3">${f.discount}</td><td align="right">−${money(order.discountMinor)}</td></tr>`
    : '';
  const foot = `<tfoot>${discount}<tr><th align="left" colspan="3">${f.total}</th><th align="right">${money(order.totalMinor)}</th></tr></tfoot>`;
  return { html: `<table border="1" cellpadding="6" cellspacing="0">${head}<tbody>${rows}</tbody>${foot}</table>` };
}

/** `<$delivery_date>`: the expected delivery date (a calendar date) as the letter's language writes it. */
export function deliveryDate(expected: string | null | undefined, locale: Locale): string | null {
  if (!expected) return null;
  const date = DateTime.fromISO(expected, { zone: 'utc' });
  return date.isValid ? date.setLocale(locale).toLocaleString(DateTime.DATE_FULL) : null;
}
