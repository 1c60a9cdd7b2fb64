import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, useTestApp } from '../../test/test-app.js';
import { newOrder } from '../../modules/calls/__tests__/fixtures.js';
import { QueueClaimModel } from '../../modules/queue/queue-claim.model.js';

// Plain http in the tests: Secure cookies would not come back.
const ctx = useTestApp({ PUBLIC_URL: 'https://callboard.example', COOKIE_SECURE: 'false' });

describe('unsafe requests under /api', () => {
  it('refuses a text/plain POST /api/queue/claim with 403 and claims nothing', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent.post('/api/queue/claim').set('Content-Type', 'text/plain').send('{}');
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: 'forbidden',
      message: 'Request refused: its body must be sent as application/json, not text/plain',
    });
    expect(await QueueClaimModel.countDocuments()).toBe(0);

    const claim = await agent.post('/api/queue/claim').send({});
    expect(claim.status).toBe(200);
    expect(claim.body.item.order.id).toBe(order.id);
  });

  it('refuses form-urlencoded bodies, and multipart outside an upload', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const form = await agent.patch('/api/settings').type('form').send({ companyName: 'Evil' });
    expect(form.status).toBe(403);
    expect(form.body.error.message).toBe(
      'Request refused: its body must be sent as application/json, not application/x-www-form-urlencoded',
    );
    const multipart = await agent.post('/api/tasks').field('title', 'x');
    expect(multipart.status).toBe(403);
    expect(multipart.body.error.code).toBe('forbidden');
    expect((await agent.get('/api/settings')).body.settings.companyName).not.toBe('Evil');
  });

  it('refuses a JSON POST from a foreign Origin, before looking at the session', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.post('/api/queue/claim').set('Origin', 'https://evil.example').send({});
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: 'forbidden',
      message: 'Request refused: it was sent from another origin (https://evil.example)',
    });
    // No session at all: still 403, not 401 — the check runs first.
    const anonymous = await request(ctx.app).post('/api/queue/claim').set('Origin', 'null').send({});
    expect(anonymous.status).toBe(403);
  });

  it('refuses Sec-Fetch-Site cross-site and same-site, even without a body', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    for (const site of ['cross-site', 'same-site']) {
      const res = await agent.post('/api/auth/logout').set('Sec-Fetch-Site', site);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(`Request refused: it was sent from another site (Sec-Fetch-Site: ${site})`);
    }
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('accepts same-origin requests: PUBLIC_URL, the request’s own host, Sec-Fetch-Site same-origin', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const fromPublicUrl = await agent
      .patch('/api/settings')
      .set('Origin', 'https://callboard.example')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ companyName: 'Shop A' });
    expect(fromPublicUrl.status).toBe(200);
    expect(fromPublicUrl.body.settings.companyName).toBe('Shop A');
    const fromOwnHost = await agent
      .patch('/api/settings')
      .set('Host', 'intranet.local:8080')
      .set('Origin', 'http://intranet.local:8080')
      .send({ companyName: 'Shop B' });
    expect(fromOwnHost.status).toBe(200);
    // The same host over another scheme is another origin.
    const otherScheme = await agent
      .patch('/api/settings')
      .set('Host', 'intranet.local:8080')
      .set('Origin', 'https://intranet.local:8080')
      .send({ companyName: 'Shop C' });
    expect(otherScheme.status).toBe(403);
  });

  it('accepts a JSON request with no Origin (a script) and a bodiless POST with no Content-Type', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const script = await agent.patch('/api/settings').send({ companyName: 'Shop D' });
    expect(script.status).toBe(200);
    const claim = await agent.post('/api/queue/claim').set('Origin', 'https://callboard.example');
    expect([200, 204]).toContain(claim.status);
    const logout = await agent.post('/api/auth/logout').set('Origin', 'https://callboard.example');
    expect(logout.status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('leaves safe methods alone whatever their Origin', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent
      .get('/api/settings')
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site');
    expect(res.status).toBe(200);
  });

  it('lets the shop website post an order by API key from a foreign Origin', async () => {
    const res = await request(ctx.app)
      .post('/api/intake/orders')
      .set('X-Api-Key', 'test-intake-key-0123456789')
      .set('Origin', 'https://shop.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({
        client: { name: 'Lucía Romero', email: 'lucia@example.es', phone: '+34 600 11 22 33' },
        items: [{ name: 'Course', quantity: 1, unitPrice: 49 }],
        currency: 'EUR',
      });
    expect(res.status).toBe(201);
  });
});
