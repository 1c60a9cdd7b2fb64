import { beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Express } from 'express';
import { testPassword, useTestApp } from '../../../test/test-app.js';
import { createApp } from '../../../app.js';
import { loadEnv } from '../../../config/env.js';
import { resetClock, setClock } from '../../../lib/clock.js';
import { AppError } from '../../../lib/errors.js';
import { createUser } from '../../users/users.service.js';
import { LoginThrottleModel } from '../login-throttle.model.js';
import { accountFailureCap, addressFailureCap, addressKey, throttledLogin } from '../login-throttle.js';
import { sessionsCleanupJob } from '../../../jobs/sessions-cleanup.job.js';

const ctx = useTestApp();

beforeEach(async () => {
  resetClock();
  await LoginThrottleModel.deleteMany({});
});

function login(app: Express, email: string, password: string, forwardedFor?: string) {
  const req = request(app).post('/api/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email, password });
}

const statuses = (responses: { status: number }[]) => responses.map((r) => r.status);
const failures = async (id: string) => (await LoginThrottleModel.findById(id).lean())?.failures;

describe('POST /api/auth/login: failures per account', () => {
  it('checks 10 of 15 parallel wrong passwords and answers the other 5 with 429', async () => {
    await createUser({ email: 'parallel@test.local', name: 'P', password: testPassword, role: 'manager' });
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => login(ctx.app, 'parallel@test.local', 'wrong-password-1')),
    );
    expect(accountFailureCap).toBe(10);
    expect(statuses(answers).filter((s) => s === 401)).toHaveLength(10);
    expect(statuses(answers).filter((s) => s === 429)).toHaveLength(5);
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.body.error).toEqual({
      code: 'too_many_requests',
      message: 'Too many failed sign-ins for this account. Try again in 15 minute(s).',
    });
    expect(await failures('email|parallel@test.local')).toBe(10);
    // The right password is not even checked now.
    expect((await login(ctx.app, 'parallel@test.local', testPassword)).status).toBe(429);
    expect(await failures('email|parallel@test.local')).toBe(10);
  });

  it('still answers 429 after the cap when X-Forwarded-For names another address (TRUST_PROXY unset)', async () => {
    await createUser({ email: 'forged@test.local', name: 'F', password: testPassword, role: 'manager' });
    for (let i = 0; i < accountFailureCap; i++) {
      expect((await login(ctx.app, 'forged@test.local', 'wrong-password-1', `203.0.113.${i}`)).status).toBe(401);
    }
    const forged = await login(ctx.app, 'forged@test.local', testPassword, '198.51.100.77');
    expect(forged.status).toBe(429);
    // The header was not believed: every failure was counted on the socket's address.
    expect(await failures('ip|127.0.0.1')).toBe(10);
    expect(await LoginThrottleModel.countDocuments({ _id: /^ip\|(203|198)\./ })).toBe(0);
  });

  it('opens a new window 15 minutes after the first failure', async () => {
    const start = new Date('2026-03-02T09:00:00Z');
    setClock(() => start);
    await Promise.all(Array.from({ length: 11 }, () => login(ctx.app, 'window@test.local', 'wrong-password-1')));
    expect((await login(ctx.app, 'window@test.local', 'wrong-password-1')).status).toBe(429);
    setClock(() => new Date(start.getTime() + 14 * 60_000));
    expect((await login(ctx.app, 'window@test.local', 'wrong-password-1')).status).toBe(429);
    setClock(() => new Date(start.getTime() + 15 * 60_000));
    expect((await login(ctx.app, 'window@test.local', 'wrong-password-1')).status).toBe(401);
    expect(await failures('email|window@test.local')).toBe(1);
  });

  it('leaves windows that are over to the hourly sweep', async () => {
    const start = new Date('2026-03-02T09:00:00Z');
    setClock(() => start);
    expect((await login(ctx.app, 'swept@test.local', 'wrong-password-1')).status).toBe(401);
    await sessionsCleanupJob.run(new Date(start.getTime() + 14 * 60_000), {} as never);
    expect(await LoginThrottleModel.countDocuments()).toBe(2);
    await sessionsCleanupJob.run(new Date(start.getTime() + 15 * 60_000), {} as never);
    expect(await LoginThrottleModel.countDocuments()).toBe(0);
  });

  it('starts the account afresh after a success and gives the address its attempt back', async () => {
    await createUser({ email: 'reset@test.local', name: 'R', password: testPassword, role: 'manager' });
    for (let i = 0; i < accountFailureCap - 1; i++) await login(ctx.app, 'reset@test.local', 'wrong-password-1');
    expect((await login(ctx.app, 'reset@test.local', testPassword)).status).toBe(200);
    expect(await LoginThrottleModel.findById('email|reset@test.local').lean()).toBeNull();
    expect(await failures('ip|127.0.0.1')).toBe(9);
    const again = await Promise.all(
      Array.from({ length: 11 }, () => login(ctx.app, 'reset@test.local', 'wrong-password-1')),
    );
    expect(statuses(again).filter((s) => s === 401)).toHaveLength(10);
  });

  it('does not count an attempt whose password could not be checked', async () => {
    const busy = () => Promise.reject(new AppError('service_unavailable', 'busy'));
    await expect(throttledLogin('busy@test.local', '192.0.2.1', busy)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    expect(await failures('email|busy@test.local')).toBe(0);
    expect(await failures('ip|192.0.2.1')).toBe(0);
  });
});

describe('POST /api/auth/login: failures per address', () => {
  it('answers 429 to every account from an address after 100 failures across accounts', async () => {
    await createUser({ email: 'victim@test.local', name: 'V', password: testPassword, role: 'manager' });
    expect(addressFailureCap).toBe(100);
    for (let account = 0; account < 10; account++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => login(ctx.app, `spray${account}@test.local`, 'wrong-password-1')),
      );
      expect(statuses(answers)).toEqual(Array(10).fill(401));
    }
    const next = await login(ctx.app, 'spray-new@test.local', 'wrong-password-1');
    expect(next.status).toBe(429);
    expect(next.body.error.message).toBe('Too many failed sign-ins from this address. Try again in 15 minute(s).');
    expect((await login(ctx.app, 'victim@test.local', testPassword)).status).toBe(429);
    expect(await failures('ip|127.0.0.1')).toBe(100);
    // Refused before the account was counted.
    expect(await LoginThrottleModel.findById('email|spray-new@test.local').lean()).toBeNull();
  });

  it('believes X-Forwarded-For from a proxy TRUST_PROXY names, while the account cap still holds', async () => {
    const behindProxy = createApp({ ...ctx.env, trustProxy: ['loopback'] });
    await createUser({ email: 'proxied@test.local', name: 'Px', password: testPassword, role: 'manager' });
    for (let i = 0; i < accountFailureCap; i++) {
      expect((await login(behindProxy, 'proxied@test.local', 'wrong-password-1', '203.0.113.7')).status).toBe(401);
    }
    expect(await failures('ip|203.0.113.7')).toBe(10);
    expect(await LoginThrottleModel.findById('ip|127.0.0.1').lean()).toBeNull();
    expect((await login(behindProxy, 'proxied@test.local', testPassword, '203.0.113.8')).status).toBe(429);
    expect((await login(behindProxy, 'other@test.local', 'wrong-password-1', '203.0.113.8')).status).toBe(401);
  });

  it('counts an IPv6 /64 as one address and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('TRUST_PROXY', () => {
  const env = (TRUST_PROXY?: string) => loadEnv({ NODE_ENV: 'test', SESSION_SECRET: 'x', TRUST_PROXY });

  it('believes no X-Forwarded-For unless set', () => {
    expect(env().trustProxy).toBe(false);
    expect(env('').trustProxy).toBe(false);
    expect(env('false').trustProxy).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses, subnets and Express names', () => {
    expect(env('1').trustProxy).toBe(1);
    expect(env('10.0.0.5, 10.0.0.0/8,fd00::/8, loopback').trustProxy).toEqual([
      '10.0.0.5',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('is needed for Secure cookies: a production start without it is refused', async () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x', PUBLIC_URL: 'https://callboard.example' };
    expect(() => loadEnv(production)).toThrow(/Secure cookies .* need TRUST_PROXY/);
    expect(() => loadEnv({ ...production, TRUST_PROXY: '0' })).toThrow(/need TRUST_PROXY/);
    expect(loadEnv({ ...production, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadEnv({ ...production, COOKIE_SECURE: 'false' }).trustProxy).toBe(false);
    // Why: behind the TLS proxy, an untrusted X-Forwarded-Proto leaves the request insecure, and
    // express-session then sends no Secure cookie at all.
    await createUser({ email: 'tls@test.local', name: 'T', password: testPassword, role: 'manager' });
    const signIn = (app: Express) =>
      request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: 'tls@test.local', password: testPassword });
    const untrusted = await signIn(createApp({ ...ctx.env, cookieSecure: true }));
    expect(untrusted.status).toBe(200);
    expect(untrusted.headers['set-cookie']).toBeUndefined();
    const trusted = await signIn(createApp({ ...ctx.env, cookieSecure: true, trustProxy: 1 }));
    expect(String(trusted.headers['set-cookie'])).toMatch(/^cb\.sid=.*; Secure/);
  });

  it('refuses true (any client could name its address) and what is not an address', () => {
    expect(() => env('true')).toThrow(/TRUST_PROXY: true: expected a hop count/);
    expect(() => env('10.0.0.0/33')).toThrow(/TRUST_PROXY: 10\.0\.0\.0\/33: expected/);
    expect(() => env('proxy.internal, 10.0.0.1')).toThrow(/TRUST_PROXY: proxy\.internal: expected/);
  });
});
