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

  it('ends the sessions of a user whose password an admin resets; the new password signs in', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager, user } = await signedInAgent(ctx, 'manager');
    const { agent: colleague } = await signedInAgent(ctx, 'manager');
    expect((await manager.get('/api/auth/me')).status).toBe(200);
    const res = await admin.patch(`/api/users/${user.id}`).send({ password: 'a brand new password' });
    expect(res.status).toBe(200);
    const after = await manager.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect((await colleague.get('/api/auth/me')).status).toBe(200);
    const login = (password: string) => request(ctx.app).post('/api/auth/login').send({ email: user.email, password });
    expect((await login(testPassword)).status).toBe(401);
    expect((await login('a brand new password')).status).toBe(200);
  });

  it('ends the sessions of a user whose role changes, and keeps them for a name or an unchanged role', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager, user } = await signedInAgent(ctx, 'manager');
    expect((await admin.patch(`/api/users/${user.id}`).send({ name: 'Renamed', role: 'manager' })).status).toBe(200);
    expect((await manager.get('/api/auth/me')).body.user.name).toBe('Renamed');
    expect((await admin.patch(`/api/users/${user.id}`).send({ role: 'admin' })).status).toBe(200);
    expect((await manager.get('/api/auth/me')).status).toBe(401);
  });

  it('keeps the session an admin changes their own password from and ends their others', async () => {
    const { agent: here, user } = await signedInAgent(ctx, 'admin');
    const elsewhere = request.agent(ctx.app);
    expect((await elsewhere.post('/api/auth/login').send({ email: user.email, password: testPassword })).status).toBe(
      200,
    );
    expect((await here.patch(`/api/users/${user.id}`).send({ password: 'my own new password' })).status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    expect((await agent.patch('/api/users/0123456789abcdef01234567').send({ name: 'X' })).status).toBe(404);
    expect((await agent.patch('/api/users/not-an-id').send({ name: 'X' })).status).toBe(400);
  });
});
