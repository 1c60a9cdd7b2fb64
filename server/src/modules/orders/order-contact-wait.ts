import type mongoose from 'mongoose';
import type { Actor, ClientOrdersSummary } from '@callboard/shared';
import { setCall } from '../call-state/index.js';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { OrderModel } from './order.model.js';
import { recordOrderEvent } from './order-timeline.js';
import { awaitingContactFilter } from './order-contact-rules.js';
import { callableStatuses } from './order-status-effects.js';

type Id = { _id: mongoose.Types.ObjectId };

async function announce(orderId: string, actor: Actor, text: string, reason: string): Promise<void> {
  await recordOrderEvent(orderId, { type: 'system', text, actor });
  await emitDomainEvent('queue.changed', { reason, orderId });
  await emitDomainEvent('order.changed', { orderId });
}

/**
 * The client's last callable phone is gone (see order-contact-rules.ts): their open orders still in the queue leave it. The
 * conditional update closes each order once, however often the event comes.
 */
export async function parkOrdersAwaitingContact(clientId: string, actor: Actor): Promise<number> {
  const open: Record<string, unknown> = {
    clientId,
    status: { $in: [...callableStatuses] },
    'call.state': { $ne: 'closed' },
  };
  const orders = await OrderModel.find(open, { _id: 1 }).lean<Id[]>();
  let parked = 0;
  for (const { _id } of orders) {
    const res = await OrderModel.updateOne(
      { _id, 'call.state': { $ne: 'closed' } },
      {
        $set: setCall({
          state: 'closed',
          nextCallAt: null,
          awaitingContact: true,
          personalFor: null,
          personalUntil: null,
        }),
      },
    );
    if (res.modifiedCount !== 1) continue;
    parked += 1;
    await announce(String(_id), actor, 'Out of the call queue: the client has no callable phone', 'contact.lost');
  }
  return parked;
}

/**
 * "Leaves the queue until a contact is fixed": once the client has a callable phone again, their
 * open orders waiting for one are due now, each with a timeline entry. The conditional update
 * reopens an order once, however often the event comes.
 */
export async function requeueAfterPhoneFix(clientId: string, actor: Actor): Promise<number> {
  const orders = await OrderModel.find({ clientId, ...awaitingContactFilter }, { _id: 1 }).lean<Id[]>();
  const now = clock.now();
  let reopened = 0;
  for (const { _id } of orders) {
    const res = await OrderModel.updateOne(
      { _id, ...awaitingContactFilter },
      { $set: setCall({ state: 'due', nextCallAt: now, notReachedStreak: 0, awaitingContact: false }) },
    );
    if (res.modifiedCount !== 1) continue;
    reopened += 1;
    await announce(String(_id), actor, "Back in the call queue: the client's phone was fixed", 'phone.fixed');
  }
  return reopened;
}

/** Order counts and the newest order of these clients, for the clients list: one read of three fields. */
export async function clientOrderSummaries(clientIds: string[]): Promise<Map<string, ClientOrdersSummary>> {
  const docs = await OrderModel.find({ clientId: { $in: clientIds } }, { clientId: 1, number: 1, createdAt: 1 })
    .limit(20_000)
    .lean<(Id & { clientId: mongoose.Types.ObjectId; number: number; createdAt: Date })[]>();
  const out = new Map<string, ClientOrdersSummary>();
  for (const d of docs) {
    const id = String(d.clientId);
    const s = out.get(id) ?? { count: 0, lastOrderId: null, lastOrderNumber: null, lastOrderAt: null };
    s.count += 1;
    const at = d.createdAt.toISOString();
    if (!s.lastOrderAt || at > s.lastOrderAt || (at === s.lastOrderAt && d.number > (s.lastOrderNumber ?? 0))) {
      s.lastOrderId = String(d._id);
      s.lastOrderNumber = d.number;
      s.lastOrderAt = at;
    }
    out.set(id, s);
  }
  return out;
}
