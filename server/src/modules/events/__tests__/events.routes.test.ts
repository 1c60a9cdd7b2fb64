import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { emitDomainEvent } from '../../../lib/domain-events.js';
import { newOrder } from '../../calls/__tests__/fixtures.js';
import { SessionModel } from '../../sessions/session.model.js';
import { setEventsHeartbeat } from '../events.routes.js';

const ctx = useTestApp();

/** Opens the stream over a real socket and collects what arrives until `until` matches. */
function readStream(
  port: number,
  cookie: string,
  until: RegExp,
): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, path: '/api/events', headers: { cookie } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (until.test(text)) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text });
        }
      });
    });
    req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
  });
}

function cookieOf(agent: Agent): string {
  return (agent as unknown as { jar: { getCookies: (o: unknown) => { toValueString: () => string }[] } }).jar
    .getCookies({ domain: '127.0.0.1', path: '/api', secure: false, script: false })
    .map((c) => c.toValueString())
    .join('; ');
}

type Stream = { status: Promise<number>; received: (pattern: RegExp) => Promise<string>; ended: Promise<string> };

/** Opens the stream: its status, what has arrived once it matches a pattern, and all of it once the server ends it. */
function openStream(port: number, cookie: string): Stream {
  let text = '';
  const waiters: { pattern: RegExp; resolve: (text: string) => void }[] = [];
  let resolveEnded!: (text: string) => void;
  const ended = new Promise<string>((resolve) => (resolveEnded = resolve));
  const status = new Promise<number>((resolve, reject) => {
    const req = http.get({ port, path: '/api/events', headers: { cookie } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const w of waiters.filter((w) => w.pattern.test(text))) w.resolve(text);
      });
      res.on('end', () => resolveEnded(text));
    });
    req.on('error', reject);
  });
  const received = (pattern: RegExp) =>
    new Promise<string>((resolve) => (pattern.test(text) ? resolve(text) : waiters.push({ pattern, resolve })));
  return { status, received, ended };
}

describe('GET /api/events: streams end with the session', () => {
  afterEach(() => setEventsHeartbeat(25_000));

  it("closes a user's open stream at once when an admin disables them, and no one else's", async () => {
    // Far beyond the test's time limit: only the sessions-ended event can close the stream.
    setEventsHeartbeat(10 * 60_000);
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const { agent: colleague } = await signedInAgent(ctx, 'manager');
    const server = ctx.app.listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      const mine = openStream(port, cookieOf(agent));
      const theirs = openStream(port, cookieOf(colleague));
      expect(await mine.status).toBe(200);
      expect(await theirs.status).toBe(200);
      await mine.received(/^retry: 5000/);
      await theirs.received(/^retry: 5000/);
      expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
      expect(await mine.ended).toBe('retry: 5000\n\n');
      // Closing it did not bring the session back, and the browser's reconnection is refused.
      expect(await SessionModel.countDocuments({ userId: user.id })).toBe(0);
      expect(await openStream(port, cookieOf(agent)).status).toBe(401);
      await emitDomainEvent('order.changed', { orderId: 'still-open' });
      expect(await theirs.received(/still-open/)).toMatch(/event: order\ndata: \{"orderId":"still-open"\}/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('closes a stream at the next heartbeat once its session is gone from the database', async () => {
    setEventsHeartbeat(50);
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const server = ctx.app.listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      const stream = openStream(port, cookieOf(agent));
      expect(await stream.status).toBe(200);
      await stream.received(/: heartbeat/);
      // As another server process ending the user's sessions would leave it.
      await SessionModel.deleteMany({ userId: user.id });
      expect(await stream.ended).toMatch(/^retry: 5000\n\n(: heartbeat\n\n)+$/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('GET /api/events', () => {
  it('streams queue, order and letter events to signed-in staff', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const login = await agent.get('/api/auth/me');
    expect(login.status).toBe(200);
    const cookie = (agent as unknown as { jar: { getCookies: (o: unknown) => { toValueString: () => string }[] } }).jar
      .getCookies({ domain: '127.0.0.1', path: '/api', secure: false, script: false })
      .map((c) => c.toValueString())
      .join('; ');
    const server = ctx.app.listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      const stream = readStream(port, cookie, /event: letter/);
      await new Promise((r) => setTimeout(r, 200));
      const order = await newOrder();
      await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'not_reached' });
      await emitDomainEvent('letter.changed', { letterId: 'l1', orderId: order.id, status: 'sent' });
      const { status, type, text } = await stream;
      expect(status).toBe(200);
      expect(type).toMatch(/^text\/event-stream/);
      expect(text).toMatch(new RegExp(`event: queue\\ndata: \\{"reason":"call.recorded","orderId":"${order.id}"`));
      // One recorded call is one change: one queue event, not one per domain event it raised.
      expect(text.match(/event: queue\n/g)).toHaveLength(1);
      expect(text).toMatch(new RegExp(`event: order\\ndata: \\{"orderId":"${order.id}"`));
      expect(text).toMatch(/event: letter\ndata: \{"letterId":"l1"/);
    } finally {
      server.close();
    }
  });

  it('answers 401 without a session', async () => {
    const { default: request } = await import('supertest');
    expect((await request(ctx.app).get('/api/events')).status).toBe(401);
  });
});
