import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { emitDomainEvent } from '../../../lib/domain-events.js';
import { newOrder } from '../../calls/__tests__/fixtures.js';

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
