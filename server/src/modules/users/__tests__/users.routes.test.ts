import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, testPassword, useTestApp } from '../../../test/test-app.js';

const ctx = useTestApp();

describe('/api/users', () => {
  it('answers 401 without a session and 403 for a manager', async () => {
    expect((await request(ctx.app).get('/api/users')).status).toBe(401);
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.get('/api/users');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('lets an admin create a user and refuses a duplicate e-mail with 409', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const body = { email: 'new.manager@test.local', name: 'New Manager', password: testPassword, role: 'manager' };
    const created = await agent.post('/api/users').send(body);
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'new.manager@test.local', role: 'manager', disabled: false });
    const dup = await agent.post('/api/users').send(body);
    expect(dup.status).toBe(409);
    const list = await agent.get('/api/users');
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain('new.manager@test.local');
  });

  it('validates the body: weak password, unknown role, unknown field', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const weak = await agent
      .post('/api/users')
      .send({ email: 'a@test.local', name: 'A', password: 'short', role: 'manager' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe('body.password');
    const role = await agent
      .post('/api/users')
      .send({ email: 'b@test.local', name: 'B', password: testPassword, role: 'root' });
    expect(role.status).toBe(400);
    const extra = await agent
      .post('/api/users')
      .send({ email: 'c@test.local', name: 'C', password: testPassword, role: 'manager', isAdmin: true });
    expect(extra.status).toBe(400);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager, user } = await signedInAgent(ctx, 'manager');
    expect((await manager.get('/api/auth/me')).status).toBe(200);
    const res = await admin.patch(`/api/users/${user.id}`).send({ disabled: true });
    expect(res.status).toBe(200);
    expect((await manager.get('/api/auth/me')).status).toBe(401);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    expect((await agent.patch('/api/users/0123456789abcdef01234567').send({ name: 'X' })).status).toBe(404);
    expect((await agent.patch('/api/users/not-an-id').send({ name: 'X' })).status).toBe(400);
  });
});
