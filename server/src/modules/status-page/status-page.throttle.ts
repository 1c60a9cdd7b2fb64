import { AppError } from '../../lib/errors.js';
import { addressKey, countWithinCap } from '../auth/index.js';
import { findOrderIdByToken } from './status-link.service.js';

/**
 * Per-address limits of the customer's page and its JSON, in 15-minute windows, counted in the
 * database (like sign-in failures) so every server process shares them. A token is 256 bits, so
 * guessing is hopeless anyway; the limits keep a scanner or a script from costing the database.
 */
const lookupCap = 300;
const wrongTokenCap = 20;
const actionCap = 20;

const refusal = 'Too many requests from this address.';

/**
 * The order a token opens, within the address's limits; not_found for a wrong or revoked token
 * alike. A wrong token counts against the address; past the cap every look-up from it gets 429.
 */
export async function openStatusLink(ip: string, token: string): Promise<string> {
  const address = addressKey(ip);
  await countWithinCap(`status-lookup|${address}`, lookupCap, refusal);
  const miss = await countWithinCap(`status-miss|${address}`, wrongTokenCap, 'Too many wrong links from this address.');
  const orderId = await findOrderIdByToken(token);
  if (!orderId) throw new AppError('not_found', 'This link does not open any order');
  await miss.release();
  return orderId;
}

/** Counts one customer action (a callback, a message, "I have paid") against the address's limit. */
export async function throttleAction(ip: string): Promise<void> {
  await countWithinCap(`status-action|${addressKey(ip)}`, actionCap, refusal);
}
