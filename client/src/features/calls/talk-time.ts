import { maxTalkSeconds } from '@callboard/shared';

/** Seconds from `from` to `now`, capped at the API's ceiling (a card left open overnight is not a 9-hour call). */
export function elapsedTalkSeconds(from: number, now: number): number {
  return Math.min(maxTalkSeconds, Math.max(0, Math.floor((now - from) / 1000)));
}

/**
 * What a manager typed as talk time: "m:ss" (any number of minutes) or whole minutes ("5").
 * null when it cannot be read or is over the ceiling; '' is no talk time at all (undefined).
 */
export function parseTalkTime(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{1,3})(?::([0-5]\d))?$/.exec(trimmed);
  if (!match) return null;
  const seconds = Number(match[1]) * 60 + Number(match[2] ?? 0);
  return seconds <= maxTalkSeconds ? seconds : null;
}
