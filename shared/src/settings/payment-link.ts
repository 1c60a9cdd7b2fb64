import { currencyDigits } from '../common/money.js';

/** The shop's payment link for an order: the pattern from the settings with {number} and {amount} filled in. */
export function fillPaymentLink(
  pattern: string,
  order: { number: number; total: number; currency: string },
): string | null {
  if (!pattern) return null;
  const amount = order.total.toFixed(currencyDigits(order.currency));
  return pattern
    .replaceAll('{number}', encodeURIComponent(String(order.number)))
    .replaceAll('{amount}', encodeURIComponent(amount));
}
