import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';

const ctx = useTestApp();

/** The signed-in user is kept a few seconds per process: a change through the API must not wait for that. */
describe('who a session belongs to, as kept in the process', () => {
  it('sees a right granted and taken away at the very next request', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager, user } = await signedInAgent(ctx, 'manager');
    const change = () => manager.patch('/api/settings').send({ companyName: 'Rights Ltd' });
    expect((await change()).status).toBe(403);
    expect((await admin.patch(`/api/users/${user.id}`).send({ rights: ['settings.write'] })).status).toBe(200);
    expect((await change()).status).toBe(200);
    expect((await manager.get('/api/auth/me')).body.user.rights).toEqual(['settings.write']);
    expect((await admin.patch(`/api/users/${user.id}`).send({ rights: [] })).status).toBe(200);
    expect((await change()).status).toBe(403);
  });

  it('sees a new name and language at the next request, and a disabled user is refused at once', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager, user } = await signedInAgent(ctx, 'manager');
    expect((await manager.get('/api/auth/me')).body.user.name).toBe(user.name);
    expect((await admin.patch(`/api/users/${user.id}`).send({ name: 'Kept Name', locale: 'es' })).status).toBe(200);
    expect((await manager.get('/api/auth/me')).body.user).toMatchObject({ name: 'Kept Name', locale: 'es' });
    expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    const refused = await manager.get('/api/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
  });
});
