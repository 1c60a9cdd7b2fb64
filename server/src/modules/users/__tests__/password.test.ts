import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { testPassword, useTestApp } from '../../../test/test-app.js';
import { UserModel } from '../users.model.js';
import { hashParams, hashPassword, resetPasswordHashCost, setPasswordHashCost, verifyPassword } from '../password.js';

const ctx = useTestApp();

// This file hashes at the production cost (useTestApp lowers it for every other file).
beforeAll(() => resetPasswordHashCost());

describe('password hashing', () => {
  it("hashes at OWASP's minimum for scrypt: N=2^17, r=8, p=1", async () => {
    expect(hashParams).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = await hashPassword(testPassword);
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword(testPassword, hash)).toBe(true);
    expect(await verifyPassword('not the password', hash)).toBe(false);
  });

  it('upgrades an N=2^15 hash at the next successful sign-in, keeping the session', async () => {
    setPasswordHashCost(15);
    const oldHash = await hashPassword(testPassword);
    resetPasswordHashCost();
    expect(oldHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await UserModel.create({ email: 'old.hash@test.local', name: 'Old', passwordHash: oldHash, role: 'manager' });
    const agent = request.agent(ctx.app);

    const wrong = await agent
      .post('/api/auth/login')
      .send({ email: 'old.hash@test.local', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect((await UserModel.findOne({ email: 'old.hash@test.local' }).lean())!.passwordHash).toBe(oldHash);

    const res = await agent.post('/api/auth/login').send({ email: 'old.hash@test.local', password: testPassword });
    expect(res.status).toBe(200);
    const upgraded = (await UserModel.findOne({ email: 'old.hash@test.local' }).lean())!.passwordHash;
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(testPassword, upgraded)).toBe(true);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('holds 2 running and 32 waiting hashes, and turns the 35th away with service_unavailable', async () => {
    setPasswordHashCost(10);
    try {
      const results = await Promise.allSettled(Array.from({ length: 35 }, (_, i) => hashPassword(`password ${i}`)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(34);
      expect(results[34]).toMatchObject({ status: 'rejected', reason: { code: 'service_unavailable' } });
      // The line drained: hashing works again.
      expect(await hashPassword('after the flood')).toMatch(/^scrypt\$1024\$/);
    } finally {
      resetPasswordHashCost();
    }
  });
});
