import type { z } from 'zod';

/** The dotted paths ("callingHours.start") a zod failure names, to mark those fields invalid. */
export function invalidPaths(error: z.ZodError | undefined): Set<string> {
  return new Set((error?.issues ?? []).map((issue) => issue.path.join('.')));
}
