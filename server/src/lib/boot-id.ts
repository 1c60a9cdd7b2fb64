import { randomUUID } from 'node:crypto';

/**
 * This process's identity, new at every start. Work it claims carries it (a letter being sent), so
 * a claim left by an earlier boot is known at once to have been cut off, rather than after a
 * timeout.
 */
export const bootId = randomUUID();
