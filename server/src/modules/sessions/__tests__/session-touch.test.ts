import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { SessionModel } from '../session.model.js';
import { sessionIdleMs, sessionTouchMs } from '../session-store.js';

const ctx = useTestApp();
const minute = 60 * 1000;

afterEach(() => jest.restoreAllMocks());

async function storedSession(userId: string) {
  const doc = await SessionModel.findOne({ userId }).lean();
  if (!doc) throw new Error('no session stored');
  return doc;
}

describe('session touch', () => {
  it('writes nothing for requests within the touch interval of the stored expiry', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const before = await storedSession(user.id);
    const updates = jest.spyOn(SessionModel, 'updateOne');
    for (let i = 0; i < 3; i++) expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect(updates).toHaveBeenCalledTimes(0);
    expect((await storedSession(user.id)).expiresAt.getTime()).toBe(before.expiresAt.getTime());
  });

  it('moves the stored expiry on to the idle limit once it was last moved an interval ago', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const { _id, expiresAt } = await storedSession(user.id);
    // As if the last write was an interval and a minute ago.
    const aged = new Date(expiresAt.getTime() - sessionTouchMs - minute);
    await SessionModel.updateOne({ _id }, { $set: { expiresAt: aged } });
    const updates = jest.spyOn(SessionModel, 'updateOne');
    const sent = Date.now();
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    const answered = Date.now();
    expect(updates).toHaveBeenCalledTimes(1);
    const moved = (await storedSession(user.id)).expiresAt.getTime();
    // express-session dates the idle limit by the real clock as the request ends.
    expect(moved).toBeGreaterThanOrEqual(sent + sessionIdleMs);
    expect(moved).toBeLessThanOrEqual(answered + sessionIdleMs);
    // The next request is within the interval again.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect(updates).toHaveBeenCalledTimes(1);
  });
});
