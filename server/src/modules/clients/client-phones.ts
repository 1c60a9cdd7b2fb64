import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type NormalisedPhone = { number: string; display: string; country: string | null };

/**
 * E.164 where the number parses (a leading 00 is read as the international prefix, a national
 * number needs the client's country), else the digits as typed so nothing the shop sent is lost.
 */
export function normalisePhone(raw: string, defaultCountry?: string | null): NormalisedPhone {
  const typed = raw.trim();
  const international = typed.replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(international, (defaultCountry ?? undefined) as CountryCode | undefined);
  if (parsed?.isPossible()) {
    return {
      number: parsed.number,
      display: parsed.formatInternational(),
      country: parsed.isValid() ? (parsed.country ?? null) : null,
    };
  }
  return { number: typed.replace(/[^\d+]/g, ''), display: typed, country: null };
}

/**
 * Countries where the whole country keeps one local time. Elsewhere (Spain with the Canaries,
 * Mexico, the US…) the phone's country does not tell the zone, so it stays null for staff to set.
 */
const singleTimeCountries: Record<string, string> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  CO: 'America/Bogota',
  CR: 'America/Costa_Rica',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  GT: 'America/Guatemala',
  IE: 'Europe/Dublin',
  IN: 'Asia/Kolkata',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PE: 'America/Lima',
  PL: 'Europe/Warsaw',
  SE: 'Europe/Stockholm',
  UY: 'America/Montevideo',
  VE: 'America/Caracas',
};

export function timeZoneForCountry(country: string | null): string | null {
  return (country && singleTimeCountries[country]) ?? null;
}

export function inferTimeZone(phones: { country?: string | null }[]): string | null {
  for (const p of phones) {
    const zone = timeZoneForCountry(p.country ?? null);
    if (zone) return zone;
  }
  return null;
}
