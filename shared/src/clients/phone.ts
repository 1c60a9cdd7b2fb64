import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js';

export type NormalisedPhone = { number: string; display: string; country: string | null };

const international = (typed: string) => typed.trim().replace(/^00(?=[1-9])/, '+');

/**
 * E.164 where the number parses (a leading 00 is read as the international prefix, a national
 * number needs the client's country), else the digits as typed so nothing the shop sent is lost.
 */
export function normalisePhone(raw: string, defaultCountry?: string | null): NormalisedPhone {
  const typed = raw.trim();
  const parsed = parsePhoneNumberFromString(
    international(typed),
    (defaultCountry ?? undefined) as CountryCode | undefined,
  );
  if (parsed?.isPossible()) {
    return {
      number: parsed.number,
      display: parsed.formatInternational(),
      country: parsed.isValid() ? (parsed.country ?? null) : null,
    };
  }
  return { number: typed.replace(/[^\d+]/g, ''), display: typed, country: null };
}

/** Why a number staff typed cannot be saved; the UI words each in the user's language. */
export type PhoneProblem = 'empty' | 'needs_country' | 'too_short' | 'too_long' | 'not_a_number' | 'invalid';

export type PhoneCheck = { ok: true; phone: NormalisedPhone } | { ok: false; problem: PhoneProblem };

/**
 * A number typed by staff, checked against the numbering plan of its country (the client's when it
 * has no + prefix): the same verdict on the server and as the editor types.
 */
export function checkPhone(raw: string, defaultCountry?: string | null): PhoneCheck {
  const typed = international(raw);
  if (!typed) return { ok: false, problem: 'empty' };
  if (/[^\d\s()+.\-/]/.test(typed)) return { ok: false, problem: 'not_a_number' };
  const country = (defaultCountry ?? undefined) as CountryCode | undefined;
  if (!typed.startsWith('+') && !country) return { ok: false, problem: 'needs_country' };
  const length = validatePhoneNumberLength(typed, country);
  if (length === 'TOO_SHORT') return { ok: false, problem: 'too_short' };
  if (length === 'TOO_LONG') return { ok: false, problem: 'too_long' };
  if (length === 'NOT_A_NUMBER') return { ok: false, problem: 'not_a_number' };
  if (length === 'INVALID_COUNTRY') return { ok: false, problem: typed.startsWith('+') ? 'invalid' : 'needs_country' };
  const parsed = parsePhoneNumberFromString(typed, country);
  if (!parsed?.isValid()) return { ok: false, problem: 'invalid' };
  return { ok: true, phone: normalisePhone(typed, defaultCountry) };
}
