import { currencyDigits } from '@callboard/shared';

/** The link letters carry (the server fills the same pattern the same way), or null when none is set. */
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
