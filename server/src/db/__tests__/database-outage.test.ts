import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import request from 'supertest';
import type { Express } from 'express';
import { loadEnv, repoRoot, type Env } from '../../config/env.js';
import { createApp } from '../../app.js';
import { connectMongoose, type Database } from '../connection.js';
import { superviseFerretDb } from '../ferretdb-supervisor.js';
import { ferretDbBinary, pidFileName } from '../ferretdb.js';
import { signedInAgent } from '../../test/test-app.js';
import { startScheduler, type Scheduler } from '../../jobs/scheduler.js';

// Its own embedded database, supervised as in a real start, not the run's shared one.
const describeWithFerretDb = ferretDbBinary(repoRoot, process.env.FERRETDB_BIN) ? describe : describe.skip;

let dataDir: string;
let env: Env;
let db: Database;
let app: Express;
let agent: Awaited<ReturnType<typeof signedInAgent>>['agent'];
let scheduler: Scheduler;
let sweeps = 0;

const ferretPid = () =>
  (JSON.parse(readFileSync(path.join(dataDir, 'ferretdb', pidFileName), 'utf8')) as { pid: number }).pid;

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const listOrders = () => agent.get('/api/orders');
/** The health check must answer within 2 s whatever the database does; supertest fails past this. */
const health = () => request(app).get('/api/health').timeout(2_500);

describeWithFerretDb('the embedded database failing', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'callboard-outage-'));
    env = loadEnv({
      NODE_ENV: 'test',
      SESSION_SECRET: 'test-secret',
      DATA_DIR: dataDir,
      UPLOAD_DIR: path.join(dataDir, 'uploads'),
    });
    // startDatabase's embedded path, with a longer first restart delay so the outage is seen for sure.
    const ferret = await superviseFerretDb({
      binary: ferretDbBinary(repoRoot, process.env.FERRETDB_BIN)!,
      dataDir: path.join(dataDir, 'ferretdb'),
      firstDelayMs: 3_000,
    });
    db = { uri: `${ferret.uri}callboard`, kind: 'ferretdb', singleConnection: true, stop: ferret.stop };
    await connectMongoose(db.uri, db.singleConnection);
    await mongoose.connection.syncIndexes();
    app = createApp(env);
    ({ agent } = await signedInAgent({ app, env, dbName: 'callboard' }, 'manager'));
    scheduler = await startScheduler({
      ctx: { env },
      jobs: [{ name: 'outage-probe', every: 200, run: async () => void sweeps++ }],
      processEveryMs: 100,
      everyMs: 200,
      // A probe run cut off by the freeze leaves its job locked in the database for this long.
      lockLifetimeMs: 2_000,
      name: 'outage-test',
    });
  }, 60_000);

  afterAll(async () => {
    await scheduler?.stop();
    await mongoose.disconnect();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 service_unavailable while a killed FerretDB is restarted, then serves requests again', async () => {
    expect((await listOrders()).status).toBe(200);
    const killed = ferretPid();

    process.kill(killed, 'SIGKILL');
    await eventually(
      async () => mongoose.connection.readyState,
      (state) => state !== mongoose.ConnectionStates.connected,
      'the driver sees it gone',
      5_000,
    );
    const during = await listOrders();
    expect(during.status).toBe(503);
    expect(during.body).toEqual({
      error: { code: 'service_unavailable', message: 'The database is not answering; try again in a few seconds' },
    });
    expect((await health()).body).toEqual({ ok: false, db: 'down' });

    const after = await eventually(listOrders, (res) => res.status !== 503, 'requests succeed again', 20_000);
    expect(after.status).toBe(200);
    expect(ferretPid()).not.toBe(killed);
    expect((await health()).body).toEqual({ ok: true, db: 'up' });
  }, 60_000);

  it('answers health 503 within 2 s and requests 503 while FerretDB is frozen; the scheduler keeps running', async () => {
    const frozen = ferretPid();
    process.kill(frozen, 'SIGSTOP');
    try {
      const down = await eventually(health, (res) => res.status === 503, 'health reports the database down', 15_000);
      expect(down.body).toEqual({ ok: false, db: 'down' });
      // Held at most until the deadline, or refused at once once the driver has marked the server down.
      const refused = await listOrders();
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('service_unavailable');
    } finally {
      process.kill(frozen, 'SIGCONT');
    }
    await eventually(health, (res) => res.status === 200, 'health reports the database up', 20_000);
    expect((await listOrders()).status).toBe(200);
    const before = sweeps;
    await eventually(
      async () => sweeps,
      (n) => n > before,
      'the scheduler runs its job again',
      // Agenda's lock query that was waiting on the frozen server gives up at the socket deadline (10 s),
      // and a job locked by a run the freeze cut off waits out its lock lifetime.
      30_000,
    );
  }, 120_000);
});
