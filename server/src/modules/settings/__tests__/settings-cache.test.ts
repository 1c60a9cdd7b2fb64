import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { getSettings, updateSettings } from '../settings.service.js';

const ctx = useTestApp();

describe('settings as kept in the process', () => {
  it('answers a PATCH with the new settings at the very next read', async () => {
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    // Both reads kept now.
    expect((await manager.get('/api/settings')).body.settings.companyName).toBe((await getSettings()).companyName);
    const patched = await admin.patch('/api/settings').send({ companyName: 'Kept Ltd', claimMinutes: 7 });
    expect(patched.status).toBe(200);
    const read = (await manager.get('/api/settings')).body.settings;
    expect(read.companyName).toBe('Kept Ltd');
    expect(read.claimMinutes).toBe(7);
    expect((await getSettings()).claimMinutes).toBe(7);
  });

  it('answers a change made without a request (start-up, seed, scripts) at the next read too', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    expect((await manager.get('/api/settings')).status).toBe(200);
    await updateSettings({ companyName: 'Scripted SL' });
    expect((await manager.get('/api/settings')).body.settings.companyName).toBe('Scripted SL');
  });
});
