import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { loadEnv } from '../../config/env.js';
import { createUser } from '../../modules/users/users.service.js';
import { testPassword, useTestApp } from '../../test/test-app.js';

const ctx = useTestApp({ PUBLIC_URL: 'https://callboard.example', TRUST_PROXY: '1' });

const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'self'; frame-ancestors 'none'";

describe('security headers', () => {
  it('sends the Content-Security-Policy and HSTS on API answers, errors included, when PUBLIC_URL is https', async () => {
    for (const path of ['/api/health', '/api/no-such-route']) {
      const res = await request(ctx.app).get(path);
      expect(res.headers['content-security-policy']).toBe(csp);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const user = await createUser({ email: 'secure@test.local', name: 'S', password: testPassword, role: 'manager' });
    const res = await request(ctx.app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: testPassword });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']![0]);
    expect(cookie).toMatch(/^cb\.sid=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });
});

describe('COOKIE_SECURE', () => {
  const base = { NODE_ENV: 'test', SESSION_SECRET: 'x' } as const;
  it('defaults to true exactly when PUBLIC_URL is https://, and can be overridden either way', () => {
    expect(loadEnv({ ...base, PUBLIC_URL: 'https://callboard.example' }).cookieSecure).toBe(true);
    expect(loadEnv({ ...base, PUBLIC_URL: 'http://callboard.example' }).cookieSecure).toBe(false);
    expect(loadEnv({ ...base }).cookieSecure).toBe(false);
    expect(loadEnv({ ...base, PUBLIC_URL: 'https://callboard.example', COOKIE_SECURE: 'false' }).cookieSecure).toBe(
      false,
    );
    expect(loadEnv({ ...base, PUBLIC_URL: 'http://localhost:3000', COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('sends no HSTS over plain http by default', async () => {
    const { createApp } = await import('../../app.js');
    const app = createApp({ ...ctx.env, cookieSecure: false });
    const res = await request(app).get('/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).toBe(csp);
  });
});
