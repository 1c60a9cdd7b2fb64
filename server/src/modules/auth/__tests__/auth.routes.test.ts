import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, testPassword, useTestApp } from '../../../test/test-app.js';
import { createUser } from '../../users/users.service.js';
import { accountFailureCap } from '../login-throttle.js';

const ctx = useTestApp();

describe('POST /api/auth/login', () => {
  it('signs in with the right password and sets an httpOnly SameSite cookie', async () => {
    await createUser({ email: 'ok@test.local', name: 'Ok', password: testPassword, role: 'manager' });
    const res = await request(ctx.app).post('/api/auth/login').send({ email: 'OK@test.local', password: testPassword });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'ok@test.local', role: 'manager' });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/cb\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('answers 401 with the same message whether or not the e-mail exists', async () => {
    await createUser({ email: 'known@test.local', name: 'K', password: testPassword, role: 'manager' });
    const wrong = await request(ctx.app)
      .post('/api/auth/login')
      .send({ email: 'known@test.local', password: 'nope-nope-nope' });
    const unknown = await request(ctx.app)
      .post('/api/auth/login')
      .send({ email: 'nobody@test.local', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('answers 429 after repeated failures, even with the right password', async () => {
    await createUser({ email: 'throttled@test.local', name: 'T', password: testPassword, role: 'manager' });
    for (let i = 0; i < accountFailureCap; i++) {
      const r = await request(ctx.app)
        .post('/api/auth/login')
        .send({ email: 'throttled@test.local', password: 'bad-password-x' });
      expect(r.status).toBe(401);
    }
    const res = await request(ctx.app)
      .post('/api/auth/login')
      .send({ email: 'throttled@test.local', password: testPassword });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('too_many_requests');
  });

  it('refuses operator injection in the body with 400', async () => {
    const res = await request(ctx.app)
      .post('/api/auth/login')
      .send({ email: { $gt: '' }, password: { $gt: '' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await request(ctx.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expect(res.status).toBe(400);
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('returns the user while signed in and 401 after sign-out', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    const after = await agent.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('keeps the session across a new app instance (sessions live in the database)', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const { createApp } = await import('../../../app.js');
    const restarted = createApp(ctx.env);
    const cookie = (await agent.get('/api/auth/me')).request.cookies;
    const res = await request(restarted).get('/api/auth/me').set('Cookie', cookie);
    expect(res.status).toBe(200);
  });
});

describe('GET /api/health', () => {
  it('reports the database up without a session', async () => {
    const res = await request(ctx.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: 'up' });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the routes', async () => {
    const res = await request(ctx.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/auth/login'].post).toBeDefined();
    expect(res.body.paths['/api/users/{id}'].patch).toBeDefined();
  });
});
