import { describe, expect, it, beforeAll } from '@jest/globals';
import type { Order } from '@callboard/shared';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { asBytes, csvRows } from '../../../test/csv-download.js';
import { updateSettings } from '../../settings/settings.service.js';
import { addPayment } from '../../orders/order-payments.service.js';
import { LetterModel } from '../../letters/letter.model.js';
import { emptyQueue, newOrder, useFixedClock } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();
const at = useFixedClock('2026-03-01T21:00:00Z');

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const bank = { type: 'scheduler', id: null, name: 'Bank import' } as const;
const letter = { subject: 'Your order', html: '<p>Thank you</p>' };

/**
 * The hand-counted fixture (Madrid is UTC+1 in early March; the range is 2 and 3 March there,
 * 1 March 23:00 UTC to 3 March 23:00 UTC):
 *  A: O1 not reached 08:30 (20 s, first call 30 min after the order), not reached 09:40 (25 s),
 *     completed 3 March 09:45 (300 s, letter sent; paid 2 days later); O3 invalid contact 10:30
 *     (10 s, first call after 30 min); O5 already paid 12:10 (45 s, first call after 10 min);
 *     outside the range: O6 not reached 1 March 22:30 UTC (23:30 in Madrid).
 *  B: O6 not reached 1 March 23:10 UTC (00:10 in Madrid, 30 s); O2 callback 09:10 (120 s, first
 *     call after 10 min, letter failed); O2 completed 15:05 (no talk time; paid 8 days later);
 *     O4 refused (cancelled) 11:20 (90 s, first call after 20 min).
 *  C: one call just after the range (3 March 23:30 UTC, 00:30 on 4 March in Madrid).
 */
describe('GET /api/reports/summary', () => {
  let a: Agent;
  let b: Agent;
  let c: Agent;
  let o1: Order;
  let o2: Order;
  let o6: Order;

  const call = async (who: Agent, order: Order, iso: string, body: Record<string, unknown>) => {
    at(iso);
    const res = await who.agent.post(`/api/orders/${order.id}/calls`).send(body);
    expect(res.status).toBe(201);
    return res.body.call as { id: string; talkSeconds: number | null };
  };
  const orderAt = async (iso: string) => {
    at(iso);
    return newOrder({ timezone: 'Europe/Madrid' });
  };
  const setLetterStatus = (callId: string, status: 'sent' | 'failed') =>
    LetterModel.updateOne({ callId }, { $set: { status } });

  beforeAll(async () => {
    at('2026-03-01T21:00:00Z');
    await updateSettings({ timeZone: 'Europe/Madrid' });
    await emptyQueue();
    a = await signedInAgent(ctx, 'manager', { name: 'Ana' });
    b = await signedInAgent(ctx, 'manager', { name: 'Bruno' });
    c = await signedInAgent(ctx, 'manager', { name: 'Carla' });

    o6 = await orderAt('2026-03-01T22:00:00Z');
    await call(a, o6, '2026-03-01T22:30:00Z', { outcome: 'not_reached', talkSeconds: 15 });
    await call(b, o6, '2026-03-01T23:10:00Z', { outcome: 'not_reached', talkSeconds: 30 });

    o1 = await orderAt('2026-03-02T08:00:00Z');
    o2 = await orderAt('2026-03-02T09:00:00Z');
    const o3 = await orderAt('2026-03-02T10:00:00Z');
    const o4 = await orderAt('2026-03-02T11:00:00Z');
    const o5 = await orderAt('2026-03-02T12:00:00Z');

    const first = await call(a, o1, '2026-03-02T08:30:00Z', { outcome: 'not_reached', talkSeconds: 20 });
    expect(first.talkSeconds).toBe(20);
    const callback = await call(b, o2, '2026-03-02T09:10:00Z', {
      outcome: 'callback',
      callbackAt: '2026-03-02T15:00:00Z',
      talkSeconds: 120,
      letter,
    });
    await setLetterStatus(callback.id, 'failed');
    await call(a, o1, '2026-03-02T09:40:00Z', { outcome: 'not_reached', talkSeconds: 25 });
    await call(a, o3, '2026-03-02T10:30:00Z', { outcome: 'invalid_contact', talkSeconds: 10 });
    await call(b, o4, '2026-03-02T11:20:00Z', { outcome: 'cancelled', talkSeconds: 90 });
    await call(a, o5, '2026-03-02T12:10:00Z', { outcome: 'already_paid', talkSeconds: 45 });
    const untimed = await call(b, o2, '2026-03-02T15:05:00Z', { outcome: 'completed' });
    expect(untimed.talkSeconds).toBeNull();
    const completed = await call(a, o1, '2026-03-03T09:45:00Z', { outcome: 'completed', talkSeconds: 300, letter });
    await setLetterStatus(completed.id, 'sent');

    const o7 = await orderAt('2026-03-03T23:00:00Z');
    await call(c, o7, '2026-03-03T23:30:00Z', { outcome: 'completed', talkSeconds: 60 });

    at('2026-03-05T10:00:00Z');
    await addPayment(o1.id, { kind: 'payment', method: 'transfer', amount: 40 }, bank);
    at('2026-03-10T16:00:00Z');
    await addPayment(o2.id, { kind: 'payment', method: 'transfer', amount: 40 }, bank);
  });

  const zeroOutcomes = {
    completed: 0,
    not_reached: 0,
    callback: 0,
    already_paid: 0,
    cancelled: 0,
    invalid_contact: 0,
  };
  const ana = {
    name: 'Ana',
    calls: 5,
    reached: 2,
    contactRate: 0.4,
    outcomes: { ...zeroOutcomes, completed: 1, not_reached: 2, already_paid: 1, invalid_contact: 1 },
    talkSeconds: 400,
    avgTalkSeconds: 80,
    avgAttemptsToReach: 2,
    speedToFirstCallSeconds: 1400,
    paidWithin7Days: 1,
    lettersSent: 1,
    lettersFailed: 0,
  };

  it('counts each figure per manager and for the team, over the dates in the call centre zone', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const res = await admin.agent.get('/api/reports/summary?from=2026-03-02&to=2026-03-03');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-03-02', to: '2026-03-03', timeZone: 'Europe/Madrid' });
    expect(res.body.managers).toEqual([
      { id: a.user.id, email: a.user.email, ...ana },
      {
        id: b.user.id,
        email: b.user.email,
        name: 'Bruno',
        calls: 4,
        reached: 3,
        contactRate: 0.75,
        outcomes: { ...zeroOutcomes, completed: 1, not_reached: 1, callback: 1, cancelled: 1 },
        talkSeconds: 240,
        avgTalkSeconds: 80,
        avgAttemptsToReach: 1,
        speedToFirstCallSeconds: 900,
        paidWithin7Days: 0,
        lettersSent: 0,
        lettersFailed: 1,
      },
      {
        id: c.user.id,
        email: c.user.email,
        name: 'Carla',
        calls: 0,
        reached: 0,
        contactRate: 0,
        outcomes: zeroOutcomes,
        talkSeconds: 0,
        avgTalkSeconds: null,
        avgAttemptsToReach: null,
        speedToFirstCallSeconds: null,
        paidWithin7Days: 0,
        lettersSent: 0,
        lettersFailed: 0,
      },
    ]);
    expect(res.body.team).toEqual({
      calls: 9,
      reached: 5,
      contactRate: 0.5556,
      outcomes: { completed: 2, not_reached: 3, callback: 1, already_paid: 1, cancelled: 1, invalid_contact: 1 },
      talkSeconds: 640,
      avgTalkSeconds: 80,
      avgAttemptsToReach: 1.4,
      speedToFirstCallSeconds: 1200,
      paidWithin7Days: 1,
      lettersSent: 1,
      lettersFailed: 1,
    });
    const hours = Object.fromEntries(
      (res.body.byHour as { hour: number; calls: number; reached: number }[])
        .filter((h) => h.calls > 0)
        .map((h) => [h.hour, [h.calls, h.reached]]),
    );
    expect(res.body.byHour).toHaveLength(24);
    expect(hours).toEqual({ 0: [1, 0], 9: [1, 0], 10: [3, 2], 11: [1, 0], 12: [1, 1], 13: [1, 1], 16: [1, 1] });
  });

  it('narrows to one manager: their row, and the team figures are theirs', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const res = await admin.agent.get(`/api/reports/summary?from=2026-03-02&to=2026-03-03&managerId=${a.user.id}`);
    expect(res.status).toBe(200);
    expect(res.body.managers).toEqual([{ id: a.user.id, email: a.user.email, ...ana }]);
    const { name: _name, ...figures } = ana;
    expect(res.body.team).toEqual(figures);
  });

  it('exports the same calls as CSV, oldest first, on the call centre clock', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    const res = await asBytes(admin.agent.get('/api/calls/export.csv?from=2026-03-02&to=2026-03-03'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="calls-2026-03-02-to-2026-03-03.csv"');
    const rows = csvRows(res.body as Buffer);
    expect(rows[0]!.slice(0, 5)).toEqual(['Time (Europe/Madrid)', 'Manager', 'Outcome', 'Talk seconds', 'Kind']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ['2026-03-02 00:10', 'Bruno', 'not_reached', '30', String(o6.number)],
      ['2026-03-02 09:30', 'Ana', 'not_reached', '20', String(o1.number)],
      ['2026-03-02 10:10', 'Bruno', 'callback', '120', String(o2.number)],
      ['2026-03-02 10:40', 'Ana', 'not_reached', '25', String(o1.number)],
      ['2026-03-02 11:30', 'Ana', 'invalid_contact', '10', expect.any(String)],
      ['2026-03-02 12:20', 'Bruno', 'cancelled', '90', expect.any(String)],
      ['2026-03-02 13:10', 'Ana', 'already_paid', '45', expect.any(String)],
      ['2026-03-02 16:05', 'Bruno', 'completed', '', String(o2.number)],
      ['2026-03-03 10:45', 'Ana', 'completed', '300', String(o1.number)],
    ]);
  });

  it('refuses managers without the reports right, and answers those who have it', async () => {
    at('2026-03-10T16:00:00Z');
    const manager = await signedInAgent(ctx, 'manager');
    expect((await manager.agent.get('/api/reports/summary?from=2026-03-02&to=2026-03-03')).status).toBe(403);
    expect((await manager.agent.get('/api/reports/floor')).status).toBe(403);
    expect((await manager.agent.get('/api/calls/export.csv?from=2026-03-02&to=2026-03-03')).status).toBe(403);
    const viewer = await signedInAgent(ctx, 'manager', { rights: ['reports.view'] });
    expect((await viewer.agent.get('/api/reports/summary?from=2026-03-02&to=2026-03-03')).status).toBe(200);
  });

  it('rejects a range that ends before it starts or spans more than 366 days', async () => {
    const admin = await signedInAgent(ctx, 'admin');
    expect((await admin.agent.get('/api/reports/summary?from=2026-03-03&to=2026-03-02')).status).toBe(400);
    expect((await admin.agent.get('/api/reports/summary?from=2025-01-01&to=2026-01-02')).status).toBe(400);
    expect((await admin.agent.get('/api/reports/summary?from=2026-03-02')).status).toBe(400);
  });
});

describe('POST /api/orders/:id/calls talkSeconds', () => {
  it('accepts up to 14,400 seconds and refuses more, storing nothing', async () => {
    at('2026-03-20T10:00:00Z');
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const refused = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'not_reached', talkSeconds: 14_401 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    const timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.filter((i: { type: string }) => i.type === 'call')).toHaveLength(0);
    const saved = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'not_reached', talkSeconds: 14_400 });
    expect(saved.status).toBe(201);
    expect(saved.body.call.talkSeconds).toBe(14_400);
    const history = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(history.body.items.find((i: { type: string }) => i.type === 'call')).toMatchObject({ talkSeconds: 14_400 });
  });
});
