import { describe, expect, it } from '@jest/globals';
import { defaultSettings } from '@callboard/shared';
import { signedInAgent } from '../../../test/test-app.js';
import { clock } from '../../../lib/clock.js';
import { AuditEntryModel } from '../../audit/audit.model.js';
import { emptyQueue, newOrder, useFixedClock } from '../../calls/__tests__/fixtures.js';
import { deliverDueLetters } from '../../letters/letter-delivery.js';
import { useLetterTestApp } from '../../letters/__tests__/letter-fixtures.js';
import { updateSettings } from '../../settings/settings.service.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';

const { ctx, smtp } = useLetterTestApp();
useFixedClock('2026-05-04T10:00:00Z'); // 12:00 in Madrid, inside the calling hours

const paymentActions = new Set(['payment_recorded', 'refund_recorded', 'status_changed']);

/** The order's audit entries about payments and status, oldest first (not its creation, nor its letters). */
const auditOf = async (orderId: string) =>
  (
    await AuditEntryModel.find({ objectType: 'order', objectId: orderId }, { _id: 0, at: 0 })
      .sort({ at: 1, _id: 1 })
      .lean()
  ).filter((a) => paymentActions.has(a.action));

describe('POST /api/orders/:id/payments moves the status', () => {
  it('a partial payment makes the order partially paid and changes no status', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const order = await newOrder(); // 2 × 20 EUR
    const res = await agent.post(`/api/orders/${order.id}/payments`).send({ amount: 15, method: 'card' });
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ status: 'pending', paymentStatus: 'partially_paid', paid: 15 });
    expect(res.body.order.call.state).toBe('due');
    expect(await OrderEventModel.countDocuments({ orderId: order.id, type: 'status' })).toBe(0);
    expect(await auditOf(order.id)).toEqual([
      {
        by: { type: 'user', id: user.id, name: user.name },
        objectType: 'order',
        objectId: order.id,
        action: 'payment_recorded',
        changes: [
          {
            field: 'payments',
            from: null,
            to: {
              id: res.body.order.payments[0].id,
              kind: 'payment',
              amount: 15,
              method: 'card',
              system: null,
              transactionId: null,
              attempts: 1,
              comment: null,
            },
          },
          { field: 'paid', from: 0, to: 15 },
          { field: 'paymentStatus', from: 'unpaid', to: 'partially_paid' },
        ],
      },
    ]);
  });

  it('the payment that covers the total pays the order, closes its call, and the paid letter goes out', async () => {
    await emptyQueue();
    const { agent: admin, user } = await signedInAgent(ctx, 'admin');
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const order = await newOrder({ email: 'payer@example.com' });
    const queued = await manager.get('/api/queue');
    expect(queued.body.items.map((i: { order?: { id: string } }) => i.order?.id)).toEqual([order.id]);

    await admin.post(`/api/orders/${order.id}/payments`).send({ amount: 10, method: 'transfer', kind: 'advance' });
    const res = await admin
      .post(`/api/orders/${order.id}/payments`)
      .send({ amount: 30, method: 'card', system: 'Redsys', transactionId: 'tx-42', attempts: 2 });
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ status: 'paid', paymentStatus: 'paid', paid: 40, advances: 10 });
    expect(res.body.order.call).toMatchObject({ state: 'closed', nextCallAt: null });
    expect(res.body.order.payments[1]).toMatchObject({
      kind: 'payment',
      amount: 30,
      method: 'card',
      system: 'Redsys',
      transactionId: 'tx-42',
      attempts: 2,
      by: { type: 'user', id: user.id },
    });

    // Not claimable: the queue is empty for a manager.
    expect((await manager.post('/api/queue/claim').send({})).status).toBe(204);
    expect((await manager.get('/api/queue')).body.items).toEqual([]);

    const timeline = await admin.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.filter((i: { type: string }) => i.type === 'status')).toEqual([
      expect.objectContaining({ from: 'pending', to: 'paid', by: { type: 'user', id: user.id, name: user.name } }),
    ]);
    const audit = await auditOf(order.id);
    expect(audit.map((a) => a.action)).toEqual(['payment_recorded', 'payment_recorded', 'status_changed']);
    expect(audit[2]).toMatchObject({
      by: { type: 'user', id: user.id },
      changes: [
        { field: 'status', from: 'pending', to: 'paid' },
        { field: 'callState', from: 'due', to: 'closed' },
      ],
    });

    await deliverDueLetters(clock.now(), ctx.env);
    const paidLetters = smtp.received.filter((m) => m.subject === `Payment received for order ${order.number}`);
    expect(paidLetters).toHaveLength(1);
    expect(paidLetters[0]!.rcptTo).toEqual(['payer@example.com']);
    expect(paidLetters[0]!.text).toContain('We have received your payment of €40.00');
  });

  it('sends no paid letter when the settings say not to', async () => {
    await updateSettings({
      statusEmails: { ...defaultSettings.statusEmails, paid: { notifyClient: false, templateId: null } },
    });
    try {
      const { agent } = await signedInAgent(ctx, 'admin');
      const order = await newOrder();
      const res = await agent.post(`/api/orders/${order.id}/payments`).send({ amount: 40, method: 'cash' });
      expect(res.body.order.status).toBe('paid');
      await deliverDueLetters(clock.now(), ctx.env);
      expect(smtp.received.filter((m) => m.subject.startsWith('Payment received'))).toEqual([]);
    } finally {
      await updateSettings({ statusEmails: defaultSettings.statusEmails });
    }
  });

  it('a refund reopens a paid order: back to reserved and due in the call queue', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const order = await newOrder();
    await agent.post(`/api/orders/${order.id}/payments`).send({ amount: 40, method: 'card' });
    const res = await agent
      .post(`/api/orders/${order.id}/payments`)
      .send({ amount: 40, method: 'card', kind: 'refund', comment: 'Chargeback' });
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ status: 'reserved', paymentStatus: 'refunded', paid: 0 });
    expect(res.body.order.call).toMatchObject({ state: 'due', nextCallAt: '2026-05-04T10:00:00.000Z' });
    expect(res.body.order.payments[1]).toMatchObject({ kind: 'refund', amount: 40, comment: 'Chargeback' });
    const audit = await auditOf(order.id);
    const statusChange = (changes: { field: string; from: unknown; to: unknown }[]) =>
      changes.find((c) => c.field === 'status' || c.field === 'paymentStatus');
    expect(audit.map((a) => [a.action, statusChange(a.changes)])).toEqual([
      ['payment_recorded', { field: 'paymentStatus', from: 'unpaid', to: 'paid' }],
      ['status_changed', { field: 'status', from: 'pending', to: 'paid' }],
      ['refund_recorded', { field: 'paymentStatus', from: 'paid', to: 'refunded' }],
      ['status_changed', { field: 'status', from: 'paid', to: 'reserved' }],
    ]);
    expect(audit[3]!.by).toEqual({ type: 'user', id: user.id, name: user.name });
  });

  it('a negative correction that uncovers the total reopens too; orders further on keep their status', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const order = await newOrder();
    await agent.post(`/api/orders/${order.id}/payments`).send({ amount: 40, method: 'transfer' });
    const corrected = await agent.post(`/api/orders/${order.id}/payments`).send({ amount: -5, method: 'transfer' });
    expect(corrected.body.order).toMatchObject({ status: 'reserved', paymentStatus: 'partially_paid', paid: 35 });

    const shipped = await newOrder();
    await agent.post(`/api/orders/${shipped.id}/payments`).send({ amount: 40, method: 'card' });
    expect((await agent.post(`/api/orders/${shipped.id}/status`).send({ status: 'shipped' })).status).toBe(200);
    const refund = await agent
      .post(`/api/orders/${shipped.id}/payments`)
      .send({ amount: 40, method: 'card', kind: 'refund' });
    expect(refund.body.order).toMatchObject({ status: 'shipped', paymentStatus: 'refunded' });
    expect((await OrderModel.findById(shipped.id).lean())?.call.state).toBe('closed');
  });
});
