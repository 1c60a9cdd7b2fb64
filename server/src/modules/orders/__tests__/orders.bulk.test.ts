import { describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import type { BulkJob } from '@callboard/shared';
import { bootId } from '../../../lib/boot-id.js';
import { onDomainEvent, type DomainEvents } from '../../../lib/domain-events.js';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { auditEntriesOf } from '../../../test/audit-entries.js';
import { OrderModel } from '../order.model.js';
import { OrderEventModel } from '../order-event.model.js';
import { BulkJobModel } from '../order-bulk.model.js';
import { bulkJobStaleMs, failInterruptedBulkJobs } from '../order-bulk.service.js';
import { forceStatus, makeOrder, uniqueTag } from './orders-fixtures.js';

const ctx = useTestApp();

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

/** Follows the job as the page does, until it has finished. */
async function finished(agent: Agent, jobId: string): Promise<BulkJob> {
  for (;;) {
    const res = await agent.get(`/api/orders/bulk/${jobId}`);
    expect(res.status).toBe(200);
    if (res.body.job.state !== 'running') return res.body.job as BulkJob;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function runBulk(agent: Agent, body: object): Promise<BulkJob> {
  const res = await agent.post('/api/orders/bulk').send(body);
  expect(res.status).toBe(202);
  return finished(agent, res.body.job.id);
}

// The order's entries since it was created (its creation has one too).
const auditOf = async (orderId: string) =>
  (await auditEntriesOf('order', orderId)).filter((e) => e.action !== 'created');

describe('POST /api/orders/bulk: status', () => {
  it('changes what the transition table allows, skips the rest with the reason, and records each change', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const [a, b, done] = [await makeOrder(), await makeOrder(), await makeOrder()];
    await forceStatus(done.id, 'completed');
    const seen: DomainEvents['order.statusChanged'][] = [];
    const off = onDomainEvent('order.statusChanged', (e) => {
      seen.push(e);
    });
    let started;
    try {
      started = await agent.post('/api/orders/bulk').send({
        selection: { ids: [a.id, b.id, done.id, a.id] },
        action: { type: 'status', status: 'reserved', notifyClient: false },
      });
      expect(started.status).toBe(202);
      expect(started.body.job).toMatchObject({ total: 3, done: 0, changed: 0, skipped: [], state: 'running' });
      const job = await finished(agent, started.body.job.id);
      expect(job).toMatchObject({ total: 3, done: 3, changed: 2, state: 'done', error: null });
      expect(job.skipped).toEqual([
        { orderId: done.id, number: done.number, reason: 'transition_not_allowed', status: 'completed' },
      ]);
    } finally {
      off();
    }
    expect(seen.map((e) => [e.orderId, e.from, e.to, e.notifyClient])).toEqual([
      [a.id, 'pending', 'reserved', false],
      [b.id, 'pending', 'reserved', false],
    ]);
    for (const o of [a, b]) {
      expect((await OrderModel.findById(o.id).lean())?.status).toBe('reserved');
      const events = await OrderEventModel.find({ orderId: o.id, type: 'status' }).lean();
      expect(events.map((e) => [e.data, e.by.id])).toEqual([
        [{ from: 'pending', to: 'reserved', notifyClient: false, notifyAdmin: false }, user.id],
      ]);
      const audit = await auditOf(o.id);
      expect(audit.map((e) => [e.action, e.changes.status, e.by.id])).toEqual([
        ['status_changed', { from: 'pending', to: 'reserved' }, user.id],
      ]);
    }
    expect((await OrderModel.findById(done.id).lean())?.status).toBe('completed');
    expect(await OrderEventModel.countDocuments({ orderId: done.id })).toBe(0);
    expect(await auditOf(done.id)).toEqual([]);
  });

  it('asks for the customer letters only when notifyClient is set, and skips orders already in that status', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const [a, b] = [await makeOrder(), await makeOrder()];
    await forceStatus(b.id, 'on_hold');
    const seen: DomainEvents['order.statusChanged'][] = [];
    const off = onDomainEvent('order.statusChanged', (e) => {
      seen.push(e);
    });
    try {
      const job = await runBulk(agent, {
        selection: { ids: [a.id, b.id] },
        action: { type: 'status', status: 'on_hold', notifyClient: true },
      });
      expect(job).toMatchObject({ total: 2, done: 2, changed: 1 });
      expect(job.skipped).toEqual([{ orderId: b.id, number: b.number, reason: 'unchanged' }]);
    } finally {
      off();
    }
    expect(seen.map((e) => [e.orderId, e.notifyClient])).toEqual([[a.id, true]]);
  });
});

describe('POST /api/orders/bulk: tags and manager', () => {
  it('adds and removes tags through the order edit, on the timeline and in the audit log', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const [promo, vip] = [uniqueTag(), uniqueTag()];
    const a = await makeOrder({ tags: [vip, 'web'] });
    const b = await makeOrder();
    const c = await makeOrder({ tags: [promo] });
    const job = await runBulk(agent, {
      selection: { ids: [a.id, b.id, c.id] },
      action: { type: 'tag', add: [promo], remove: [vip] },
    });
    expect(job).toMatchObject({ total: 3, done: 3, changed: 2, state: 'done' });
    expect(job.skipped).toEqual([{ orderId: c.id, number: c.number, reason: 'unchanged' }]);
    expect((await OrderModel.findById(a.id).lean())?.tags).toEqual(['web', promo]);
    expect((await OrderModel.findById(b.id).lean())?.tags).toEqual([promo]);
    expect(await OrderEventModel.countDocuments({ orderId: a.id, type: 'system' })).toBe(1);
    expect((await auditOf(b.id)).map((e) => [e.action, e.changes.tags])).toEqual([
      ['updated', { from: [], to: [promo] }],
    ]);
    expect(await auditOf(c.id)).toEqual([]);
  });

  it('assigns a manager, and unassigns with null', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const { user: marta } = await signedInAgent(ctx, 'manager');
    const [a, b] = [await makeOrder(), await makeOrder()];
    const job = await runBulk(agent, {
      selection: { ids: [a.id, b.id] },
      action: { type: 'assign', managerId: marta.id },
    });
    expect(job).toMatchObject({ total: 2, changed: 2, skipped: [] });
    expect(String((await OrderModel.findById(b.id).lean())?.managerId)).toBe(marta.id);
    const timeline = await agent.get(`/api/orders/${a.id}/timeline`);
    expect(timeline.body.items.filter((i: { type: string }) => i.type === 'system')).toHaveLength(1);
    expect((await auditOf(a.id)).map((e) => [e.action, e.changes.managerId])).toEqual([
      ['updated', { from: null, to: marta.id }],
    ]);
    const back = await runBulk(agent, { selection: { ids: [a.id] }, action: { type: 'assign', managerId: null } });
    expect(back).toMatchObject({ changed: 1 });
    expect((await OrderModel.findById(a.id).lean())?.managerId).toBeNull();
  });

  it('refuses a manager that does not exist before starting (400)', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const a = await makeOrder();
    const before = await BulkJobModel.countDocuments();
    const res = await agent
      .post('/api/orders/bulk')
      .send({ selection: { ids: [a.id] }, action: { type: 'assign', managerId: '0123456789abcdef01234567' } });
    expect(res.status).toBe(400);
    expect(await BulkJobModel.countDocuments()).toBe(before);
  });
});

describe('POST /api/orders/bulk: selection by the list query', () => {
  it('selects exactly the orders the list counts for the same query', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const [mark, added] = [uniqueTag(), uniqueTag()];
    const orders = [
      await makeOrder({ tags: [mark] }),
      await makeOrder({ tags: [mark] }),
      await makeOrder({ tags: [mark] }),
    ];
    await makeOrder();
    await forceStatus(orders[2]!.id, 'cancelled');
    const query = { status: 'pending,reserved', tag: mark, page: '3', limit: '1' };
    const list = await agent.get('/api/orders').query(query);
    expect(list.body.total).toBe(2);
    const job = await runBulk(agent, { selection: { query }, action: { type: 'tag', add: [added] } });
    expect(job).toMatchObject({ total: 2, done: 2, changed: 2 });
    const tagged = await agent.get('/api/orders').query({ status: 'all', tag: added });
    expect(tagged.body.items.map((o: { id: string }) => o.id).sort()).toEqual([orders[0]!.id, orders[1]!.id].sort());
  });

  it('finishes at once when nothing matches', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const res = await agent
      .post('/api/orders/bulk')
      .send({ selection: { query: { q: 'nobody by this name' } }, action: { type: 'tag', add: ['x'] } });
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({ total: 0, done: 0, state: 'done' });
  });
});

describe('POST /api/orders/bulk: rights and input', () => {
  it('needs orders.status for a status change and orders.edit for tags and managers; admins may do all', async () => {
    const a = await makeOrder();
    const status = { selection: { ids: [a.id] }, action: { type: 'status', status: 'on_hold' } };
    const tag = { selection: { ids: [a.id] }, action: { type: 'tag', add: ['x'] } };
    const assign = { selection: { ids: [a.id] }, action: { type: 'assign', managerId: null } };
    const { agent: plain } = await signedInAgent(ctx, 'manager');
    for (const body of [status, tag, assign]) {
      const res = await plain.post('/api/orders/bulk').send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const { agent: editor } = await signedInAgent(ctx, 'manager', { rights: ['orders.edit'] });
    expect((await editor.post('/api/orders/bulk').send(status)).status).toBe(403);
    expect((await editor.post('/api/orders/bulk').send(tag)).status).toBe(202);
    const { agent: statusRight } = await signedInAgent(ctx, 'manager', { rights: ['orders.status'] });
    expect((await statusRight.post('/api/orders/bulk').send(tag)).status).toBe(403);
    const started = await statusRight.post('/api/orders/bulk').send(status);
    expect(started.status).toBe(202);
    expect((await finished(statusRight, started.body.job.id)).changed).toBe(1);
    // Another manager cannot follow it; an admin can.
    expect((await editor.get(`/api/orders/bulk/${started.body.job.id}`)).status).toBe(403);
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    expect((await admin.get(`/api/orders/bulk/${started.body.job.id}`)).status).toBe(200);
    expect((await admin.get('/api/orders/bulk/0123456789abcdef01234567')).status).toBe(404);
  });

  it('answers 400 to a malformed selection or action', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const a = await makeOrder();
    const ids = [a.id];
    const tooMany = Array.from({ length: 20_001 }, (_, i) => i.toString(16).padStart(24, '0'));
    for (const body of [
      { selection: { ids: [] }, action: { type: 'tag', add: ['x'] } },
      { selection: { ids: ['nope'] }, action: { type: 'tag', add: ['x'] } },
      { selection: { ids: tooMany }, action: { type: 'tag', add: ['x'] } },
      { selection: { ids, query: {} }, action: { type: 'tag', add: ['x'] } },
      { selection: { query: { status: 'lost' } }, action: { type: 'tag', add: ['x'] } },
      { selection: { ids }, action: { type: 'tag' } },
      { selection: { ids }, action: { type: 'status', status: 'lost' } },
      { selection: { ids }, action: { type: 'delete' } },
      { selection: { ids: { $ne: null } }, action: { type: 'tag', add: ['x'] } },
    ]) {
      const res = await agent.post('/api/orders/bulk').send(body);
      expect([res.status, res.body.error?.code]).toEqual([400, 'validation_failed']);
    }
  });
});

describe('bulk jobs cut off by a restart', () => {
  it('are marked failed at start with what they finished; this boot’s running jobs are left alone', async () => {
    const by = { type: 'user', id: null, name: 'Someone' };
    const action = { type: 'tag', add: ['x'] };
    const base = {
      by,
      action,
      total: 10,
      changed: 3,
      state: 'running',
      createdAt: new Date(),
      heartbeatAt: new Date(),
    };
    const old = await BulkJobModel.create({ ...base, done: 4, bootId: 'an-earlier-boot' });
    const mine = await BulkJobModel.create({ ...base, done: 1, bootId });
    expect(await failInterruptedBulkJobs(true)).toBe(1);
    const stored = await BulkJobModel.find({ _id: { $in: [old._id, mine._id] } }).lean();
    const byId = new Map(stored.map((j) => [String(j._id), j]));
    expect(byId.get(String(old._id))).toMatchObject({ state: 'failed', error: 'interrupted', done: 4, changed: 3 });
    expect(byId.get(String(old._id))?.finishedAt).toBeInstanceOf(Date);
    expect(byId.get(String(mine._id))).toMatchObject({ state: 'running', done: 1, error: null });
    await BulkJobModel.deleteOne({ _id: mine._id });
    expect(mongoose.isValidObjectId(String(old._id))).toBe(true);
  });

  it('with several processes, fails only jobs whose process stopped moving their heartbeat', async () => {
    const by = { type: 'user', id: null, name: 'Someone' };
    const base = { by, action: { type: 'tag', add: ['x'] }, total: 10, done: 2, changed: 2, state: 'running' };
    const now = Date.now();
    const alive = await BulkJobModel.create({
      ...base,
      bootId: 'another-live-process',
      createdAt: new Date(now),
      heartbeatAt: new Date(now - 10_000),
    });
    const gone = await BulkJobModel.create({
      ...base,
      bootId: 'a-stopped-process',
      createdAt: new Date(now - bulkJobStaleMs - 60_000),
      heartbeatAt: new Date(now - bulkJobStaleMs - 1_000),
    });
    expect(await failInterruptedBulkJobs(false)).toBe(1);
    expect((await BulkJobModel.findById(gone._id).lean())?.state).toBe('failed');
    expect((await BulkJobModel.findById(alive._id).lean())?.state).toBe('running');
    await BulkJobModel.deleteMany({ _id: { $in: [alive._id, gone._id] } });
  });
});
