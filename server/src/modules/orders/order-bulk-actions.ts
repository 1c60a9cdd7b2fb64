import { canTransition, type Actor, type BulkAction, type BulkSkipped, type OrderStatus } from '@callboard/shared';
import { AppError } from '../../lib/errors.js';
import type { OrderDoc } from './order.model.js';
import { findOrderDoc } from './order.service.js';
import { updateOrder } from './order-edit.service.js';
import { changeOrderStatus } from './order-status.service.js';

/** What one order's share of a bulk action came to. */
export type BulkOutcome = { changed: true } | { changed: false; skipped: BulkSkipped };

const maxTagsPerOrder = 30;

/** The order's tags after the action, kept in their order, new ones at the end. */
export function nextTags(
  current: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): string[] {
  const kept = current.filter((t) => !remove.includes(t));
  return [...new Set([...kept, ...add.filter((t) => !remove.includes(t))])];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.join('\n') === b.join('\n');

/**
 * Applies the action to one order through the services a single change uses (the same transition
 * table, the same timeline entries and letters). Returns the reason when the order is left as it
 * was; domain errors become reasons, anything else (the database away) is thrown to stop the job.
 */
async function applyOnce(order: OrderDoc, action: BulkAction, actor: Actor): Promise<BulkOutcome> {
  const orderId = String(order._id);
  const skip = (reason: BulkSkipped['reason'], extra: Partial<BulkSkipped> = {}): BulkOutcome => ({
    changed: false,
    skipped: { orderId, number: order.number, reason, ...extra },
  });
  if (action.type === 'status') {
    const from = order.status as OrderStatus;
    if (from === action.status) return skip('unchanged');
    if (!canTransition(from, action.status)) return skip('transition_not_allowed', { status: from });
    // An explicit false, so the settings' default letter does not go out when the dialog said no.
    await changeOrderStatus(order, action.status, actor, { notifyClient: !!action.notifyClient });
    return { changed: true };
  }
  if (action.type === 'assign') {
    if ((order.managerId ? String(order.managerId) : null) === action.managerId) return skip('unchanged');
    await updateOrder(orderId, { managerId: action.managerId }, actor);
    return { changed: true };
  }
  const tags = nextTags(order.tags ?? [], action.add, action.remove);
  if (sameList(tags, order.tags ?? [])) return skip('unchanged');
  if (tags.length > maxTagsPerOrder) return skip('too_many_tags');
  await updateOrder(orderId, { tags }, actor);
  return { changed: true };
}

export async function applyBulkAction(orderId: string, action: BulkAction, actor: Actor): Promise<BulkOutcome> {
  const notFound: BulkOutcome = { changed: false, skipped: { orderId, number: null, reason: 'not_found' } };
  // A change made by someone else between the read and the write is read again once, then left alone.
  for (let attempt = 1; ; attempt += 1) {
    const order = await findOrderDoc(orderId);
    if (!order) return notFound;
    try {
      return await applyOnce(order, action, actor);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'conflict' && attempt < 2) continue;
      const reason = err.code === 'conflict' ? 'changed_meanwhile' : err.code === 'not_found' ? 'not_found' : 'failed';
      return { changed: false, skipped: { orderId, number: order.number, reason } };
    }
  }
}
