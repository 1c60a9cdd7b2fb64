import mongoose from 'mongoose';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useTestApp } from '../test-app.js';
import { demoPassword, demoSize, seedDemoData } from '../../seed/demo-data.js';
import { startQueryRecorder, type QueryRecorder } from '../query-shapes/query-recorder.js';
import { auditShapes } from '../query-shapes/query-audit.js';
import { boundedScans, scansToFix } from '../query-shapes/allowed-scans.js';
import { jobDefinitions } from '../../jobs/index.js';
import { clock } from '../../lib/clock.js';

/**
 * The query-shape audit: drives every hot request through the real app on demo data, records
 * each query Mongoose sends, and fails on any shape no declared index answers by the
 * equality–sort–range rule (query-shapes/index-rule.ts), so the queries stay fast on MongoDB
 * whatever the embedded database does. Deliberate exceptions live in allowed-scans.ts.
 */

const ctx = useTestApp();
let recorder: QueryRecorder;
let admin: TestAgent;
let manager: TestAgent;

type Sample = { orderId: string; number: number; clientId: string; phone: string; name: string; email: string };
let sample: Sample;
let managerId = '';

async function signIn(email: string): Promise<TestAgent> {
  const agent = request.agent(ctx.app);
  const res = await agent.post('/api/auth/login').send({ email, password: demoPassword });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return agent;
}

/** An open order whose client has a phone and an e-mail, read straight from the database before recording starts. */
async function pickSample(): Promise<Sample> {
  const db = mongoose.connection.db!;
  const clients = await db
    .collection('clients')
    .find({ 'phones.0': { $exists: true }, 'emails.0': { $exists: true } })
    .limit(20)
    .toArray();
  for (const client of clients) {
    const order = await db.collection('orders').findOne({ clientId: client._id });
    if (order) {
      return {
        orderId: String(order._id),
        number: order.number as number,
        clientId: String(client._id),
        phone: (client.phones as { number: string }[])[0]!.number,
        name: client.name as string,
        email: (client.emails as string[])[0]!,
      };
    }
  }
  throw new Error('The demo data has no client with a phone, an e-mail and an order');
}

const ok = async (agent: TestAgent, path: string, status = 200) => {
  const res = await agent.get(path);
  expect({ path, status: res.status }).toEqual({ path, status });
  return res;
};

describe('query-shape audit', () => {
  beforeAll(async () => {
    await seedDemoData(demoSize(60));
    sample = await pickSample();
    recorder = startQueryRecorder();
    admin = await recorder.during('sign-in', () => signIn('ana.admin@callboard.test'));
    manager = await recorder.during('sign-in', () => signIn('marta@callboard.test'));
    managerId = (await manager.get('/api/auth/me')).body.user.id;
  }, 60_000);
  afterAll(() => recorder?.stop());

  it('drives the hot paths', async () => {
    const get = (label: string, agent: TestAgent, path: string) => recorder.during(label, () => ok(agent, path));
    await get('session check', manager, '/api/auth/me');
    await get('order card', manager, `/api/orders/${sample.orderId}`);
    await get('order card tasks', manager, `/api/tasks?assignee=all&orderId=${sample.orderId}&limit=200`);
    await get('settings', manager, '/api/settings');
    await get('timeline', manager, `/api/orders/${sample.orderId}/timeline`);
    const lists: [string, string][] = [
      ['orders list', ''],
      ['orders list status=all', 'status=all&page=2&limit=20'],
      ['orders list managerId', `managerId=${managerId}`],
      ['orders list managerId=none', 'managerId=none'],
      ['orders list tag', 'tag=vip'],
      ['orders list stage', 'stage=new'],
      ['orders list year', `year=${new Date().getUTCFullYear()}`],
      ['orders list q=phone', `status=all&q=${encodeURIComponent(sample.phone)}`],
      ['orders list q=name', `status=all&q=${encodeURIComponent(sample.name)}`],
      ['orders list q=e-mail', `status=all&q=${encodeURIComponent(sample.email)}`],
      ['orders list q=number', `status=all&q=${sample.number}`],
      ['orders list needsContact', 'needsContact=true'],
      ['orders list paymentCheck', 'paymentCheck=true'],
    ];
    for (const [label, query] of lists) await get(label, admin, `/api/orders?${query}`);
    await get('clients list', admin, '/api/clients');
    await get('clients list q', admin, `/api/clients?q=${encodeURIComponent(sample.name)}`);
    await get('client card', admin, `/api/clients/${sample.clientId}`);
    await get('client orders', admin, `/api/clients/${sample.clientId}/orders`);
    await get('due count', manager, '/api/queue/count');
    await get('queue list', manager, '/api/queue');
    const claim = await recorder.during('claim-next', () => manager.post('/api/queue/claim'));
    expect(claim.status).toBe(200);
    const claimed = claim.body.item.order?.id ?? claim.body.item.task?.id;
    const callPath = claim.body.item.order ? `/api/orders/${claimed}/calls` : `/api/tasks/${claimed}/calls`;
    const call = await recorder.during('record-call', () =>
      manager.post(callPath).set('Idempotency-Key', 'audit-call-1').send({ outcome: 'not_reached' }),
    );
    expect(call.status).toBe(201);
    await get('floor', admin, '/api/reports/floor');
    await get('summary', admin, '/api/reports/summary?from=2026-01-01&to=2026-01-31');
    await get('summary by manager', admin, `/api/reports/summary?from=2026-01-01&to=2026-01-31&managerId=${managerId}`);
    await get('audit list', admin, '/api/audit');
    await get('audit list by object', admin, `/api/audit?objectType=order&objectId=${sample.orderId}`);
    await get('audit list by actor', admin, `/api/audit?actorId=${managerId}`);
    await get('tasks list', manager, '/api/tasks');
    await get('tasks list open', manager, '/api/tasks?assignee=me&done=false');
    await get('tasks list all', admin, '/api/tasks?assignee=all');
  });

  it('runs each sweep once', async () => {
    for (const job of jobDefinitions) {
      await recorder.during(`sweep ${job.name}`, () => job.run(clock.now(), { env: ctx.env }));
    }
  });

  it('finds every recorded query answered by a declared index, or deliberately allowed', () => {
    const result = auditShapes(recorder.shapes(), [...boundedScans, ...scansToFix]);
    console.warn(`Scans waiting for a code change (allowed-scans.ts):\n${scansToFix.map((s) => s.shape).join('\n')}`);
    expect(result.failures).toEqual([]);
    expect(result.unusedAllowances).toEqual([]);
  });
});
