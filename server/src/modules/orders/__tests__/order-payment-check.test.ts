import { describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { AuditEntryModel } from '../../audit/audit.model.js';
import { newOrder, useFixedClock } from '../../calls/__tests__/fixtures.js';
import { OrderModel } from '../order.model.js';

const ctx = useTestApp();
useFixedClock('2026-05-04T10:00:00Z');

/** An order a manager's "already paid" call flagged for an admin to check. */
async function flaggedOrder(manager: request.Agent, paymentMethod?: 'card' | 'transfer') {
  const order = await newOrder();
  if (paymentMethod) await OrderModel.updateOne({ _id: order.id }, { $set: { paymentMethod } });
  const call = await manager.post(`/api/orders/${order.id}/calls`).send({ outcome: 'already_paid' });
  expect(call.status).toBe(201);
  expect(call.body.order).toMatchObject({ paymentCheck: true, call: { state: 'closed' } });
  return order;
}

const toCheck = async (agent: request.Agent) => {
  const res = await agent.get('/api/orders?paymentCheck=true');
  expect(res.status).toBe(200);
  return { total: res.body.total as number, ids: (res.body.items as { id: string }[]).map((o) => o.id) };
};

const actionsOf = async (orderId: string) =>
  (await AuditEntryModel.find({ objectType: 'order', objectId: orderId }).sort({ at: 1, _id: 1 }).lean()).map(
    (a) => a.action,
  );

describe('Payments to check', () => {
  it('lists the flagged orders; confirming records what is left, pays the order and clears the flag', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const { agent: admin, user } = await signedInAgent(ctx, 'admin');
    const first = await flaggedOrder(manager, 'transfer');
    const second = await flaggedOrder(manager);
    await newOrder(); // not flagged
    expect(await toCheck(admin)).toEqual({ total: 2, ids: [second.id, first.id] });
    expect((await admin.get('/api/orders?paymentCheck=true&status=paid')).body.total).toBe(0);

    await admin.post(`/api/orders/${first.id}/payments`).send({ amount: 15, method: 'transfer' });
    const confirmed = await admin
      .post(`/api/orders/${first.id}/payment-check/confirm`)
      .send({ transactionId: 'BANK-7', comment: 'Seen on the statement' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.order).toMatchObject({
      status: 'paid',
      paymentStatus: 'paid',
      paid: 40,
      paymentCheck: false,
      call: { state: 'closed' },
    });
    expect(confirmed.body.order.payments[1]).toMatchObject({
      kind: 'payment',
      amount: 25,
      method: 'transfer',
      transactionId: 'BANK-7',
      comment: 'Seen on the statement',
      by: { type: 'user', id: user.id },
    });
    expect(await toCheck(admin)).toEqual({ total: 1, ids: [second.id] });
    expect(await actionsOf(first.id)).toEqual(['created', 'payment_recorded', 'payment_recorded', 'status_changed']);
    // Done: a second confirmation has nothing to check.
    const again = await admin.post(`/api/orders/${first.id}/payment-check/confirm`).send({});
    expect(again.status).toBe(409);
    expect((await OrderModel.findById(first.id).lean())?.payments).toHaveLength(2);
  });

  it('asks for the method when the order has none', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const order = await flaggedOrder(manager);
    const res = await admin.post(`/api/orders/${order.id}/payment-check/confirm`).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.method' })]);
    expect((await OrderModel.findById(order.id).lean())?.paymentCheck).toBe(true);
    const ok = await admin.post(`/api/orders/${order.id}/payment-check/confirm`).send({ method: 'cash' });
    expect(ok.body.order).toMatchObject({ status: 'paid', paymentCheck: false });
  });

  it('confirming an order already paid in full only clears the flag', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const { agent: admin, user } = await signedInAgent(ctx, 'admin');
    const order = await flaggedOrder(manager);
    await OrderModel.updateOne({ _id: order.id }, { $set: { paidMinor: 4000, paymentStatus: 'paid' } });
    const res = await admin.post(`/api/orders/${order.id}/payment-check/confirm`).send({});
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({ paymentCheck: false, payments: [] });
    const entry = await AuditEntryModel.findOne({ objectId: order.id, action: 'payment_check_confirmed' }).lean();
    expect(entry).toMatchObject({
      by: { type: 'user', id: user.id },
      changes: [{ field: 'paymentCheck', from: true, to: false }],
    });
  });

  it('reopening clears the flag and makes the call due now; managers may do neither', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const { agent: admin, user } = await signedInAgent(ctx, 'admin');
    const order = await flaggedOrder(manager);
    expect((await manager.post(`/api/orders/${order.id}/payment-check/reopen`)).status).toBe(403);
    expect((await manager.post(`/api/orders/${order.id}/payment-check/confirm`).send({ method: 'card' })).status).toBe(
      403,
    );
    const res = await admin.post(`/api/orders/${order.id}/payment-check/reopen`);
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({
      status: 'pending',
      paymentCheck: false,
      call: { state: 'due', nextCallAt: '2026-05-04T10:00:00.000Z' },
    });
    const queue = await manager.get('/api/queue');
    expect(queue.body.items.map((i: { order?: { id: string } }) => i.order?.id)).toContain(order.id);
    const timeline = await admin.get(`/api/orders/${order.id}/timeline`);
    const reopened = (timeline.body.items as { type: string; text?: string }[]).filter(
      (i) => i.type === 'system' && i.text === 'Back in the call queue: the payment was not found',
    );
    expect(reopened).toEqual([expect.objectContaining({ by: { type: 'user', id: user.id, name: user.name } })]);
    const entry = await AuditEntryModel.findOne({ objectId: order.id, action: 'payment_check_reopened' }).lean();
    expect(entry?.changes).toEqual([
      { field: 'paymentCheck', from: true, to: false },
      { field: 'callState', from: 'closed', to: 'due' },
    ]);
    expect((await admin.post(`/api/orders/${order.id}/payment-check/reopen`)).status).toBe(409);
    expect((await admin.post('/api/orders/0123456789abcdef01234567/payment-check/reopen')).status).toBe(404);
    expect((await admin.get('/api/orders?paymentCheck=maybe')).status).toBe(400);
  });
});
