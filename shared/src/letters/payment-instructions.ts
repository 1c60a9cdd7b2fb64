import type { Locale } from '../users/users.schema.js';

/** The ways to pay one order: the shop's bank account, its payment link, or both. */
export type PaymentWays = { bankAccount: string | null; paymentLink: string | null };

/**
 * How to pay, by the order's payment method: the bank account for a transfer, the link for a
 * card; cash or no method yet offers whatever is configured. Null when nothing fits.
 */
export function paymentWays(method: string | null, bank: string | null, link: string | null): PaymentWays | null {
  if (method === 'transfer') return bank ? { bankAccount: bank, paymentLink: null } : null;
  if (method === 'card') return link ? { bankAccount: null, paymentLink: link } : null;
  return bank || link ? { bankAccount: bank, paymentLink: link } : null;
}

const paymentText: Record<Locale, { transfer: string; card: string }> = {
  en: {
    transfer: 'Please pay by bank transfer to {bank}, quoting order {number}.',
    card: 'Pay securely by card here: {link}',
  },
  es: {
    transfer: 'Puede pagar por transferencia a {bank}, indicando el pedido {number}.',
    card: 'Pague con tarjeta de forma segura aquí: {link}',
  },
};

/** How a caller writes the parts into its medium: escaped HTML with an anchor, or plain text. */
export type PaymentTextFormat = { text: (value: string) => string; link: (url: string) => string };

const plainText: PaymentTextFormat = { text: (v) => v, link: (url) => url };

/** One sentence per way to pay, in the customer's language (a letter, the customer's page, its JSON). */
export function paymentInstructionLines(
  locale: Locale,
  ways: PaymentWays,
  orderNumber: number,
  format: PaymentTextFormat = plainText,
): string[] {
  const t = paymentText[locale];
  const lines: string[] = [];
  if (ways.bankAccount)
    lines.push(t.transfer.replace('{bank}', format.text(ways.bankAccount)).replace('{number}', String(orderNumber)));
  if (ways.paymentLink) lines.push(t.card.replace('{link}', format.link(ways.paymentLink)));
  return lines;
}
