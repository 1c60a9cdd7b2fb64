import { describe, expect, it } from '@jest/globals';
import type { Order } from '@callboard/shared';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { ClientModel } from '../client.model.js';
import { OrderModel } from '../../orders/order.model.js';
import { QueueClaimModel } from '../../queue/queue-claim.model.js';
import { createOrder } from '../../orders/index.js';
import { newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();
const at = useQueueClock('2026-05-04T10:00:00Z'); // noon in Madrid: inside calling hours

/** What a manager is offered: the due count, and the order a claim hands out (the claim is let go again). */
async function managerView(agent: Awaited<ReturnType<typeof signedInAgent>>['agent']) {
  const count = (await agent.get('/api/queue/count')).body.due as number;
  const claim = await agent.post('/api/queue/claim').send({});
  const claimed = claim.status === 200 ? (claim.body.item.order.id as string) : null;
  await QueueClaimModel.deleteMany({});
  return { count, claimed };
}

/** The client's orders listed under "needs a contact" (earlier tests leave theirs there). */
const needsContact = async (agent: Awaited<ReturnType<typeof signedInAgent>>['agent'], clientId: string) =>
  ((await agent.get(`/api/orders?needsContact=true&clientId=${clientId}`)).body.items as Order[]).map((o) => o.number);

describe('an order whose client has no callable phone', () => {
  it('is not offered, counted or claimable, is listed as needing a contact, and is due again once a phone is fixed', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const order = await newOrder({ phone: '+34 644 10 20 30', timezone: 'Europe/Madrid' });
    const other = await newOrder({ phone: '+34 644 10 20 31', timezone: 'Europe/Madrid' });
    expect(await managerView(manager)).toEqual({ count: 2, claimed: order.id });

    // Staff mark the client's only number invalid: the order leaves the queue at once.
    const marked = await admin
      .patch(`/api/clients/${order.clientId}`)
      .send({ phones: [{ number: '+34644102030', invalid: true }] });
    expect(marked.status).toBe(200);
    expect(await OrderModel.findById(order.id).lean()).toMatchObject({
      call: { state: 'closed', nextCallAt: null, awaitingContact: true },
    });
    expect(await managerView(manager)).toEqual({ count: 1, claimed: other.id });
    expect(await needsContact(admin, order.clientId)).toEqual([order.number]);
    expect(
      (await admin.get(`/api/orders?needsContact=true&status=cancelled&clientId=${order.clientId}`)).body.total,
    ).toBe(0);

    // Fixed on the client page: due again now, offered and claimable, and no longer listed.
    at('2026-05-04T10:30:00Z');
    const fixed = await admin
      .patch(`/api/clients/${order.clientId}`)
      .send({ phones: [{ number: '+34644102030', invalid: false }] });
    expect(fixed.status).toBe(200);
    expect(await OrderModel.findById(order.id).lean()).toMatchObject({
      call: { state: 'due', nextCallAt: new Date('2026-05-04T10:30:00Z'), awaitingContact: false },
    });
    expect(await managerView(manager)).toEqual({ count: 2, claimed: other.id });
    const queue = (await manager.get('/api/queue')).body.items as { order: Order }[];
    expect(queue.map((i) => i.order.number)).toEqual([other.number, order.number]);
    expect(await needsContact(admin, order.clientId)).toEqual([]);
    const history = (await admin.get(`/api/orders/${order.id}/timeline`)).body.items as { text?: string }[];
    expect(history.filter((i) => /no callable phone|phone was fixed/.test(i.text ?? '')).map((i) => i.text)).toEqual([
      "Back in the call queue: the client's phone was fixed",
      'Out of the call queue: the client has no callable phone',
    ]);
  });

  it('an invalid-contact call on one order takes the client’s other open orders out of the queue too', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const first = await newOrder({ phone: '+34 644 10 20 40', timezone: 'Europe/Madrid' });
    const item = { name: 'Refill', quantity: 1, unitPrice: 5 };
    const second = await createOrder(
      { client: { name: 'Same person', phone: '+34644102040' }, items: [item], currency: 'EUR' },
      { type: 'user', id: null, name: 'Staff' },
      null,
    );
    expect(second.clientId).toBe(first.clientId);
    const call = await manager.post(`/api/orders/${first.id}/calls`).send({ outcome: 'invalid_contact' });
    expect(call.status).toBe(201);
    expect((await OrderModel.findById(second.id).lean())?.call).toMatchObject({
      state: 'closed',
      awaitingContact: true,
    });
    expect(await managerView(manager)).toEqual({ count: 0, claimed: null });
    expect(await needsContact(manager, first.clientId)).toEqual([second.number, first.number]);
  });

  it('a new order for a client without any phone waits for a contact from the start; confirming one queues it', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const shop = { type: 'intake' as const, id: null, name: 'Shop' };
    const item = { name: 'E-book', quantity: 1, unitPrice: 9 };
    const order = await createOrder(
      { client: { name: 'Mail Only', email: 'mail.only@example.es' }, items: [item], currency: 'EUR' },
      shop,
      null,
    );
    expect(order.call.state).toBe('closed');
    expect(await managerView(manager)).toEqual({ count: 0, claimed: null });
    expect(await needsContact(manager, order.clientId)).toEqual([order.number]);

    // The shop later sends a phone with another order: the client's only once staff confirm it.
    const next = await createOrder(
      {
        client: { name: 'Mail Only', email: 'mail.only@example.es', phone: '+34 644 10 20 50' },
        items: [item],
        currency: 'EUR',
      },
      shop,
      null,
    );
    expect(await needsContact(manager, order.clientId)).toEqual([next.number, order.number]);
    const pending = (await ClientModel.findById(order.clientId).lean())?.pendingContacts ?? [];
    const confirm = await manager.post(
      `/api/clients/${order.clientId}/pending-contacts/${String(pending[0]?._id)}/confirm`,
    );
    expect(confirm.status).toBe(200);
    expect(await needsContact(manager, order.clientId)).toEqual([]);
    expect((await managerView(manager)).count).toBe(2);
  });
});
