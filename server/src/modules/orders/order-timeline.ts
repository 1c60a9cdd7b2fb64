import { fromMinor, type Actor, type TimelineItem } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { derivedObjectId, insertOnce } from '../../db/duplicate-key.js';
import { OrderEventModel, orderEventMirror, type OrderEventType } from './order-event.model.js';
import { orderMirror } from './order.model.js';
import { listOrderNotes } from './order-notes.service.js';
import { toActor } from '../../db/actor.js';

async function statusAndSystemEntries(orderId: string): Promise<TimelineItem[]> {
  const docs = await orderEventMirror.find({ orderId }, { sort: { at: -1 } });
  return docs.map((e) => {
    const base = { id: String(e._id), at: e.at.toISOString(), by: toActor(e.by) };
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'status') {
      return {
        ...base,
        type: 'status',
        from: data.from,
        to: data.to,
        message: e.text ?? null,
        notifyClient: !!data.notifyClient,
        notifyAdmin: !!data.notifyAdmin,
      };
    }
    return { ...data, ...base, type: 'system', text: e.text ?? '' };
  });
}

async function noteEntries(orderId: string): Promise<TimelineItem[]> {
  const notes = await listOrderNotes(orderId);
  return notes.map((n) => ({ id: n.id, type: 'note', at: n.at, by: n.by, text: n.text, visibility: n.visibility }));
}

async function paymentEntries(orderId: string): Promise<TimelineItem[]> {
  const order = await orderMirror.findById(orderId, { payments: 1, currency: 1 });
  if (!order) return [];
  return (order.payments ?? []).map((p) => ({
    id: String((p as { _id?: unknown })._id),
    type: 'payment',
    at: p.at.toISOString(),
    by: toActor(p.by),
    kind: p.kind,
    method: p.method,
    amount: fromMinor(p.amountMinor, order.currency),
    currency: order.currency,
    system: p.system ?? null,
    transactionId: p.transactionId ?? null,
    attempts: p.attempts ?? 1,
    comment: p.comment ?? null,
  }));
}

/** The order's own timeline entries: status changes and system events, notes, payments. */
export const orderTimelineSources = [statusAndSystemEntries, noteEntries, paymentEntries];

/**
 * Adds a timeline entry. With `once`, the entry is stored under an id derived from that key, so
 * the effect that writes it can be retried (after a crash) without a second entry.
 */
export async function recordOrderEvent(
  orderId: string,
  event: { type: OrderEventType; text?: string | null; data?: Record<string, unknown>; actor: Actor; once?: string },
): Promise<void> {
  await insertOnce(() =>
    OrderEventModel.create({
      ...(event.once ? { _id: derivedObjectId(event.once) } : {}),
      orderId,
      type: event.type,
      at: clock.now(),
      by: event.actor,
      text: event.text ?? null,
      data: event.data ?? {},
    }),
  );
}
