import { describe, expect, it, jest } from '@jest/globals';
import { logger } from '../../lib/logger.js';
import { newOrder } from '../../modules/calls/__tests__/fixtures.js';
import { OrderModel } from '../../modules/orders/order.model.js';
import { signedInAgent, useTestApp } from '../../test/test-app.js';

// Faults and reads are injected into the database calls: these run on the database path (as on MongoDB).
const ctx = useTestApp({}, { mirrors: false });

describe('malformed requests', () => {
  it('answers a malformed %-escape in the path with 400, not 500', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.get('/api/orders/not-an-id%ZZ');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'validation_failed', message: 'The URL has a malformed %-escape' });
  });

  it('maps the body parser’s refusals to 400, 413 and 415', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const badJson = await agent.patch('/api/settings').set('Content-Type', 'application/json').send('{"companyName":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toEqual({ code: 'validation_failed', message: 'The request body is not valid JSON' });

    const charset = await agent
      .patch('/api/settings')
      .set('Content-Type', 'application/json; charset=klingon')
      .send('{"companyName":"x"}');
    expect(charset.status).toBe(415);
    expect(charset.body.error.code).toBe('unsupported_media_type');

    const encoding = await agent
      .patch('/api/settings')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'x-unknown')
      .send('{"companyName":"x"}');
    expect(encoding.status).toBe(415);

    const big = await agent
      .patch('/api/settings')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ companyName: 'x'.repeat(1024 * 1024 + 10) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });
});

describe('the error log', () => {
  it('stamps the time and names the route pattern, never the URL with its query', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const findById = jest.spyOn(OrderModel, 'findById').mockImplementationOnce((() => ({
      lean: () => Promise.reject(new Error('disk on fire')),
    })) as never);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await agent.get(`/api/orders/${order.id}?search=Lucia%20Romero%20600112233`);
      expect(res.status).toBe(500);
      expect(error).toHaveBeenCalledTimes(1);
      const [line, stack] = error.mock.calls[0] as [string, string];
      expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z error GET \/api\/orders\/:id failed$/);
      expect(stack).toContain('disk on fire');
      expect(JSON.stringify(error.mock.calls)).not.toContain('Lucia');
      expect(JSON.stringify(error.mock.calls)).not.toContain(order.id);
    } finally {
      error.mockRestore();
      findById.mockRestore();
    }
  });

  it('stamps warnings and information with the time too', () => {
    const lines: string[] = [];
    const write = jest.spyOn(console, 'error').mockImplementation((l: unknown) => void lines.push(String(l)));
    try {
      logger.error('something broke');
    } finally {
      write.mockRestore();
    }
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z error something broke$/);
  });
});
