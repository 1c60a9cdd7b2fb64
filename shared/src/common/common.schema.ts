import { z } from 'zod';

/** A MongoDB ObjectId as the API exposes it: 24 hex characters. */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'must be an id (24 hexadecimal characters)');

export const idParams = z.object({ id: objectId }).strict();
export type IdParams = z.infer<typeof idParams>;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export type Page<T> = { items: T[]; total: number; page: number; limit: number };

/** ISO-8601 timestamp with an offset (the API speaks UTC). */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();

/** Query booleans arrive as strings. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export type ApiErrorBody = {
  error: { code: string; message: string; details?: { path?: string; message: string }[] };
};

// Building an Intl.DateTimeFormat costs tens of microseconds, and the queue asks for each due client.
const knownZones = new Map<string, boolean>();

export function isTimeZone(value: string): boolean {
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    // Whatever is typed into a form comes here too: a bounded memory of answers.
    if (knownZones.size >= 1_000) knownZones.clear();
    knownZones.set(value, known);
  }
  return known;
}

/** An IANA time zone name such as Europe/Madrid. */
export const timeZone = z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid');
