import { callableStatuses } from './order-status-effects.js';

/**
 * Orders whose client cannot be called: never offered in the queue, listed under "needs a contact"
 * until a number is fixed. The order's call state says so (closed, `awaitingContact`, or closed by
 * an invalid-contact call), so the due scan, the count and the claim never see them, and the list
 * filter reads the orders alone, without a scan of the clients.
 */

/** Open orders out of the queue until their client has a callable phone. */
export const awaitingContactFilter: Record<string, unknown> = {
  status: { $in: [...callableStatuses] },
  'call.state': 'closed',
  $or: [{ 'call.awaitingContact': true }, { 'call.lastOutcome': 'invalid_contact' }],
};

/** The call state a new order starts with: due now, or waiting for a contact when its client has no callable phone. */
export const initialCallState = (now: Date, callable: boolean) =>
  callable
    ? { state: 'due' as const, nextCallAt: now }
    : { state: 'closed' as const, nextCallAt: null, awaitingContact: true };
