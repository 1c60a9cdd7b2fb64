import { afterEach, describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { resetClock, setClock } from '../../../lib/clock.js';
import { SessionModel } from '../session.model.js';

const ctx = useTestApp();
const hour = 60 * 60 * 1000;

afterEach(() => resetClock());

/** Signs in at `start` on the test clock and returns the agent and its user's id. */
async function signInAt(start: Date) {
  setClock(() => start);
  return signedInAgent(ctx, 'manager');
}

const at = (start: Date, hours: number) => setClock(() => new Date(start.getTime() + hours * hour));

describe('session lifetime', () => {
  it('ends a session used every 10 hours a working week (7 × 24 h) after its sign-in', async () => {
    const start = new Date('2026-03-02T08:00:00Z');
    const { agent, user } = await signInAt(start);
    const stored = await SessionModel.findOne({ userId: user.id }).lean();
    expect(JSON.parse(stored!.data).signedInAt).toBe(start.toISOString());
    for (let h = 10; h <= 160; h += 10) {
      at(start, h);
      expect((await agent.get('/api/auth/me')).status).toBe(200);
    }
    at(start, 168);
    const after = await agent.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    // Refused for good: the session is gone, not merely skipped.
    expect(await SessionModel.countDocuments({ userId: user.id })).toBe(0);
    at(start, 160);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('still ends a session left unused for 12 hours', async () => {
    // The idle limit is the cookie's expiry, which express-session dates by the real clock.
    const start = new Date();
    const { agent } = await signInAt(start);
    at(start, 11.9);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    at(start, 12.1);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session stored without its sign-in instant (made before the absolute limit existed)', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const stored = await SessionModel.findOne({ userId: user.id }).lean();
    const { signedInAt: _dropped, ...data } = JSON.parse(stored!.data);
    await SessionModel.updateOne({ _id: stored!._id }, { $set: { data: JSON.stringify(data) } });
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(await SessionModel.countDocuments({ userId: user.id })).toBe(0);
  });
});
