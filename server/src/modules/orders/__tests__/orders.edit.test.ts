import { describe, expect, it } from '@jest/globals';
import { signedInAgent, testPassword, useTestApp } from '../../../test/test-app.js';
import { auditEntriesOf } from '../../../test/audit-entries.js';
import { createUser } from '../../users/users.service.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';
import { forceStatus, makeOrder } from './orders-fixtures.js';

const ctx = useTestApp();

const editEntries = (orderId: string) => OrderEventModel.find({ orderId, type: 'system' }).sort({ at: 1 }).lean();
const auditOf = (orderId: string) => auditEntriesOf('order', orderId);
const newManager = (handle: string, name: string) =>
  createUser({ email: `${handle}-${Date.now()}@test.local`, name, password: testPassword, role: 'manager' });

describe('PATCH /api/orders/:id (editing on the card)', () => {
  it('recomputes the total from the items and the discount, in minor units, ignoring nothing the client sends', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder({ items: [{ name: 'Online course', quantity: 1, unitPrice: 49 }], source: 'web' });
    const res = await agent.patch(`/api/orders/${o.id}`).send({
      items: [
        { name: 'Yoga mat', quantity: 3, unitPrice: 19.99, sku: 'YM-1' },
        { name: 'E-book', quantity: 1, unitPrice: 0.1 },
      ],
      discount: 5.05,
    });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({
      total: 55.02,
      discount: 5.05,
      items: [
        { name: 'Yoga mat', sku: 'YM-1', quantity: 3, unitPrice: 19.99, lineTotal: 59.97 },
        { name: 'E-book', sku: null, quantity: 1, unitPrice: 0.1, lineTotal: 0.1 },
      ],
    });
    expect(await OrderModel.findById(o.id).lean()).toMatchObject({ totalMinor: 5502, discountMinor: 505 });

    const [entry, ...more] = await editEntries(o.id);
    expect(more).toHaveLength(0);
    expect(entry?.text).toBe(
      [
        'Items: 1 × Online course at 49 EUR → 3 × Yoga mat (YM-1) at 19.99 EUR, 1 × E-book at 0.1 EUR',
        'Discount: 0 EUR → 5.05 EUR',
        'Total: 49 EUR → 55.02 EUR',
      ].join('\n'),
    );
    expect(entry?.by).toMatchObject({ type: 'user', id: user.id });

    const audit = await auditOf(o.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'updated']);
    expect(Object.keys(audit[1]!.changes).sort()).toEqual(['discount', 'items', 'total']);
    expect(audit[1]!.changes.total).toEqual({ from: 49, to: 55.02 });
    expect(audit[1]!.by).toMatchObject({ type: 'user', id: user.id });

    // Only the discount: the items stay, the total follows.
    const cheaper = await agent.patch(`/api/orders/${o.id}`).send({ discount: 0 });
    expect(cheaper.body.order.total).toBe(60.07);
  });

  it('records each other field from → to in one timeline entry and one audit entry, and removes with null', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const marta = await newManager('marta', 'Marta Gil');
    const o = await makeOrder({ source: 'web', channel: 'newsletter', tags: ['spring'] });
    const res = await agent.patch(`/api/orders/${o.id}`).send({
      delivery: {
        method: 'DHL',
        address: 'Calle Mayor 1, Madrid',
        trackingNumber: 'JD0001',
        expectedDate: '2026-06-15',
      },
      tags: ['spring', 'vip'],
      funnel: 'Courses',
      stage: 'negotiation',
      managerId: marta.id,
      source: null,
      channel: 'phone',
      income: 12.5,
      expenses: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({
      delivery: {
        method: 'DHL',
        address: 'Calle Mayor 1, Madrid',
        trackingNumber: 'JD0001',
        expectedDate: '2026-06-15',
      },
      tags: ['spring', 'vip'],
      managerId: marta.id,
      source: null,
      channel: 'phone',
      income: 12.5,
      expenses: 3,
    });
    const entries = await editEntries(o.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.text!.split('\n')).toEqual([
      'Manager: not assigned → Marta Gil',
      'Tags: spring → spring, vip',
      'Funnel: none → Courses',
      'Stage: none → negotiation',
      'Source: web → none',
      'Channel: newsletter → phone',
      'Delivery method: none → DHL',
      'Delivery address: none → Calle Mayor 1, Madrid',
      'Tracking number: none → JD0001',
      'Expected delivery: none → 2026-06-15',
      'Income: 0 EUR → 12.5 EUR',
      'Expenses: 0 EUR → 3 EUR',
    ]);
    const updated = (await auditOf(o.id)).filter((a) => a.action === 'updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.changes).toMatchObject({
      source: { from: 'web', to: null },
      managerId: { from: null, to: marta.id },
      delivery: { from: { trackingNumber: null }, to: { trackingNumber: 'JD0001' } },
    });

    // The same values again change nothing and leave no entry.
    await agent.patch(`/api/orders/${o.id}`).send({ channel: 'phone', tags: ['spring', 'vip'] });
    expect(await editEntries(o.id)).toHaveLength(1);
    // Removing: an empty text is "none" too.
    const cleared = await agent.patch(`/api/orders/${o.id}`).send({ channel: null, delivery: { trackingNumber: '' } });
    expect(cleared.body.order).toMatchObject({ channel: null, delivery: { method: 'DHL', trackingNumber: null } });
    expect((await editEntries(o.id))[1]!.text).toBe('Channel: phone → none\nTracking number: JD0001 → none');
  });

  it.each([
    [{ items: [] }, 'body.items'],
    [{ items: [{ name: '', quantity: 1, unitPrice: 1 }] }, 'body.items.0.name'],
    [{ items: [{ name: 'A', quantity: 0, unitPrice: 1 }] }, 'body.items.0.quantity'],
    [{ items: [{ name: 'A', quantity: 1, unitPrice: -1 }] }, 'body.items.0.unitPrice'],
    [{ items: [{ name: 'A', quantity: 1, unitPrice: 1.234 }] }, 'body.items.0.unitPrice'],
    [{ items: [{ name: 'A', quantity: 1, unitPrice: 1, sku: 'x'.repeat(65) }] }, 'body.items.0.sku'],
    [{ discount: 1000 }, 'body.discount'],
    [{ delivery: { expectedDate: '2026-13-01' } }, 'body.delivery.expectedDate'],
    [{ delivery: { carrier: 'DHL' } }, 'body.delivery'],
    [{ tags: ['x'.repeat(41)] }, 'body.tags.0'],
    [{ funnel: 'x'.repeat(61) }, 'body.funnel'],
    [{ source: 'x'.repeat(101) }, 'body.source'],
    [{ income: -1 }, 'body.income'],
    [{ expenses: 0.001 }, 'body.expenses'],
    [{ managerId: 'nobody' }, 'body.managerId'],
  ])('refuses %j with 400 naming %s and changes nothing', async (body, path) => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    const res = await agent.patch(`/api/orders/${o.id}`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect((await OrderModel.findById(o.id).lean())?.totalMinor).toBe(4900);
    expect(await editEntries(o.id)).toHaveLength(0);
  });

  it('refuses a disabled user as the manager with 400', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const gone = await newManager('gone', 'Gone');
    await agent.patch(`/api/users/${gone.id}`).send({ disabled: true });
    const o = await makeOrder();
    const res = await agent.patch(`/api/orders/${o.id}`).send({ managerId: gone.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Gone is disabled and cannot be assigned');
    expect((await OrderModel.findById(o.id).lean())?.managerId).toBeNull();

    // The card's manager select reads the staff's names, which managers may read, and offers the enabled.
    const { agent: manager, user: me } = await signedInAgent(ctx, 'manager');
    const staff = await manager.get('/api/users/staff');
    expect(staff.status).toBe(200);
    expect(staff.body.items.find((u: { id: string }) => u.id === gone.id)).toMatchObject({
      name: 'Gone',
      disabled: true,
    });
    expect(staff.body.items.find((u: { id: string }) => u.id === me.id)).toEqual({
      id: me.id,
      name: me.name,
      role: 'manager',
      disabled: false,
    });
  });

  it('lets a manager change only the auto-cancel date without the orders.edit right, and everything with it', async () => {
    const plain = await signedInAgent(ctx, 'manager');
    const o = await makeOrder();
    const refused = await plain.agent
      .patch(`/api/orders/${o.id}`)
      .send({ items: [{ name: 'A', quantity: 1, unitPrice: 1 }] });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'forbidden', message: 'Changing items needs the "orders.edit" right' });
    expect((await plain.agent.patch(`/api/orders/${o.id}`).send({ tags: ['x'], autoCancelAt: null })).status).toBe(403);
    const autoCancel = await plain.agent.patch(`/api/orders/${o.id}`).send({ autoCancelAt: '2030-01-01T00:00:00Z' });
    expect(autoCancel.status).toBe(200);

    const editor = await signedInAgent(ctx, 'manager', { rights: ['orders.edit'] });
    const ok = await editor.agent
      .patch(`/api/orders/${o.id}`)
      .send({ items: [{ name: 'A', quantity: 2, unitPrice: 1.5 }], tags: ['x'] });
    expect(ok.status).toBe(200);
    expect(ok.body.order).toMatchObject({ total: 3, tags: ['x'] });
  });

  it("keeps a paid order's items and discount (409) but lets its delivery change; a cancelled order keeps its delivery", async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    expect((await agent.post(`/api/orders/${o.id}/payments`).send({ amount: 49, method: 'card' })).status).toBe(201);
    const items = await agent.patch(`/api/orders/${o.id}`).send({ items: [{ name: 'A', quantity: 1, unitPrice: 1 }] });
    expect(items.status).toBe(409);
    expect(items.body.error.code).toBe('conflict');
    expect(items.body.error.message).toBe(`Order #${o.number} is paid: its items can no longer be changed`);
    expect((await agent.patch(`/api/orders/${o.id}`).send({ discount: 1 })).status).toBe(409);
    const tracking = await agent.patch(`/api/orders/${o.id}`).send({ delivery: { trackingNumber: 'JD42' } });
    expect(tracking.status).toBe(200);
    expect(tracking.body.order.delivery.trackingNumber).toBe('JD42');
    expect((await OrderModel.findById(o.id).lean())?.totalMinor).toBe(4900);

    const c = await makeOrder();
    await forceStatus(c.id, 'cancelled');
    const delivery = await agent.patch(`/api/orders/${c.id}`).send({ delivery: { method: 'DHL' } });
    expect(delivery.status).toBe(409);
    expect(delivery.body.error.message).toBe(`Order #${c.number} is cancelled: its delivery can no longer be changed`);
    expect((await agent.patch(`/api/orders/${c.id}`).send({ tags: ['lost'] })).status).toBe(200);
  });

  it('refuses a total below what an advance already paid', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const o = await makeOrder();
    await agent.post(`/api/orders/${o.id}/payments`).send({ amount: 20, method: 'cash' });
    const res = await agent.patch(`/api/orders/${o.id}`).send({ discount: 30 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'The new total (19 EUR) is below the 20 EUR already paid: record a refund first',
    );
    const upsell = await agent
      .patch(`/api/orders/${o.id}`)
      .send({ items: [{ name: 'Online course', quantity: 2, unitPrice: 49 }] });
    expect(upsell.body.order).toMatchObject({ total: 98, paymentStatus: 'partially_paid' });
  });
});

describe('order audit entries for creation and deletion', () => {
  it('records created for a staff order and deleted, with the removed values, for its deletion', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const created = await agent.post('/api/orders').send({
      client: { name: 'Ana Ruiz', email: `ana-${Date.now()}@example.com` },
      items: [{ name: 'Mat', quantity: 2, unitPrice: 10 }],
      currency: 'EUR',
      discount: 1,
    });
    const id = created.body.order.id as string;
    expect((await agent.delete(`/api/orders/${id}`)).status).toBe(204);
    const audit = await auditOf(id);
    expect(audit.map((a) => [a.action, a.by.id])).toEqual([
      ['created', user.id],
      ['deleted', user.id],
    ]);
    expect(audit[0]!.changes).toMatchObject({ total: { from: null, to: 19 }, discount: { from: null, to: 1 } });
    expect(audit[1]!.changes).toMatchObject({
      total: { from: 19, to: null },
      number: { from: created.body.order.number, to: null },
    });
  });
});
