import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll } from '@jest/globals';
import { loadEnv, type Env } from '../config/env.js';
import { connectMongoose } from '../db/connection.js';
import { startMirrors, stopMirrors } from '../db/memory-mirror.js';
import { createApp } from '../app.js';
import { resetClock } from '../lib/clock.js';
import { createUser } from '../modules/users/users.service.js';
import { resetPasswordHashCost, setPasswordHashCost } from '../modules/users/password.js';
import type { CreateUserBody } from '@callboard/shared';

export type TestContext = {
  app: Express;
  env: Env;
  dbName: string;
};

export const testPassword = 'correct horse battery';

/**
 * Gives the calling test file its own database on the run's FerretDB (or MONGODB_URI), its own
 * upload folder, and an in-process app. Call at the top level of a test file.
 */
export function useTestApp(overrides: Record<string, string> = {}, options: { mirrors?: boolean } = {}): TestContext {
  const ctx = {} as TestContext;
  let uploadDir = '';
  beforeAll(async () => {
    // scrypt at N=2^12 instead of 2^17, since suites create hundreds of users
    // (users/__tests__/password.test.ts keeps the production cost).
    setPasswordHashCost(12);
    const base = process.env.CALLBOARD_TEST_MONGO_URI;
    if (!base) throw new Error('The Jest global setup did not start a database');
    ctx.dbName = `cb_test_${randomBytes(6).toString('hex')}`;
    uploadDir = mkdtempSync(path.join(os.tmpdir(), 'callboard-uploads-'));
    ctx.env = loadEnv({
      NODE_ENV: 'test',
      SESSION_SECRET: 'test-secret',
      UPLOAD_DIR: uploadDir,
      DATA_DIR: uploadDir,
      INTAKE_API_KEY: 'test-intake-key-0123456789',
      ...overrides,
    });
    const url = new URL(base);
    url.pathname = `/${ctx.dbName}`;
    const embedded = process.env.CALLBOARD_TEST_SINGLE_CONNECTION === 'true';
    await connectMongoose(url.toString(), embedded);
    await mongoose.connection.syncIndexes();
    // As the embedded server runs: hot reads from memory (`mirrors: false` reads the database, as on MongoDB).
    if (embedded && options.mirrors !== false) await startMirrors();
    ctx.app = createApp(ctx.env);
  });
  afterAll(async () => {
    resetClock();
    resetPasswordHashCost();
    stopMirrors();
    await mongoose.connection.dropDatabase().catch(() => {});
    await mongoose.disconnect();
    rmSync(uploadDir, { recursive: true, force: true });
  });
  return ctx;
}

let userCounter = 0;

/** Creates a user and returns a supertest agent signed in as them. */
export async function signedInAgent(ctx: TestContext, role: 'admin' | 'manager', extra: Partial<CreateUserBody> = {}) {
  userCounter += 1;
  const email = extra.email ?? `${role}${userCounter}-${randomBytes(3).toString('hex')}@test.local`;
  const user = await createUser({ email, name: `${role} ${userCounter}`, password: testPassword, role, ...extra });
  const agent = request.agent(ctx.app);
  const res = await agent.post('/api/auth/login').send({ email, password: testPassword });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, user };
}
