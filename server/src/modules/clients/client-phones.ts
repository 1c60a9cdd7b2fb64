export { normalisePhone, type NormalisedPhone } from '@callboard/shared';

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
