/** A stored date as the API writes it: ISO 8601, or null when unset. */
export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
