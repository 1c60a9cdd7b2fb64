/**
 * Money travels as JSON numbers in the currency's major unit and is kept as integer minor units,
 * so sums are exact. Conversion refuses more decimals than the currency has.
 */
// Building an Intl.NumberFormat costs tens of microseconds, and every amount of every order shown asks.
const digitsByCurrency = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return Intl.supportedValuesOf ? Intl.supportedValuesOf('currency').includes(code) : true;
  } catch {
    return false;
  }
}

/** Minor units for an amount, or null when it has more decimals than the currency allows. */
export function toMinor(amount: number, currency: string): number | null {
  const factor = 10 ** currencyDigits(currency);
  const minor = Math.round(amount * factor);
  if (Math.abs(minor - amount * factor) > 1e-6 * Math.max(1, Math.abs(amount * factor))) return null;
  return Number.isSafeInteger(minor) ? minor : null;
}

export function fromMinor(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(fromMinor(minor, currency));
}
