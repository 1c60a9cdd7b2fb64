import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { repoRoot } from '../../../config/env.js';

/**
 * Two real server processes (the built server/dist/server.js) on one database, as behind a load
 * balancer: an order taken by one reaches a workbench's live stream on the other.
 */

const entry = path.join(repoRoot, 'server', 'dist', 'server.js');
const admin = { email: 'two.processes@callboard.test', password: 'two-processes-password' };
const intakeKey = 'two-processes-intake-key';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

type Proc = { url: string; child: ChildProcess; log: string[]; dir: string };

async function startProcess(mongoUri: string): Promise<Proc> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'callboard-two-processes-'));
  const log: string[] = [];
  const child = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      MONGODB_URI: mongoUri,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: 'two-processes-secret',
      DATA_DIR: dir,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      SEED_DEMO: 'false',
      INTAKE_API_KEY: intakeKey,
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log.join('')}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, log, dir };
    if (Date.now() > deadline) throw new Error(`The server did not become healthy:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function stopProcess(p: Proc | undefined): Promise<void> {
  if (!p) return;
  if (p.child.exitCode === null)
    await new Promise<void>((resolve) => {
      p.child.once('exit', () => resolve());
      p.child.kill('SIGTERM');
    });
  rmSync(p.dir, { recursive: true, force: true });
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  // FerretDB over a pool of connections (this mode) may show a write to the next read a moment late.
  for (let i = 0; i < 50; i++) {
    if ((await fetch(`${url}/api/auth/me`, { headers: { cookie } })).status === 200) return cookie;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The new session never became readable');
}

/** Reads the stream until `seen` says it has arrived and then `lingerMs` more (or 20 s pass). */
async function readStream(res: Response, seen: (text: string) => boolean, lingerMs: number): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let deadline = Date.now() + 20_000;
  let found = false;
  while (Date.now() < deadline) {
    if (!found && seen(text)) {
      found = true;
      deadline = Date.now() + lingerMs;
    }
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe('live events across processes', () => {
  let one: Proc | undefined;
  let two: Proc | undefined;

  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error('Build first: npm run build (this test runs the built server twice)');
    const url = new URL(process.env.CALLBOARD_TEST_MONGO_URI!);
    url.pathname = `/cb_two_${randomBytes(4).toString('hex')}`;
    // The first creates the bootstrap admin; the second then finds the database ready.
    one = await startProcess(url.toString());
    two = await startProcess(url.toString());
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stopProcess(one), stopProcess(two)]);
  });

  it('shows an order taken by one process on a workbench stream of the other, once', async () => {
    const cookie = await signIn(two!.url);
    const stream = await fetch(`${two!.url}/api/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const created = await fetch(`${one!.url}/api/intake/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': intakeKey },
      body: JSON.stringify({
        client: { name: 'Across Processes', email: 'across@example.com', phone: '+34 600 55 44 33' },
        items: [{ name: 'Widget', quantity: 1, unitPrice: 10 }],
        currency: 'EUR',
      }),
    });
    expect(created.status).toBe(201);
    const orderId = ((await created.json()) as { order: { id: string } }).order.id;
    const wanted = `event: order\ndata: ${JSON.stringify({ orderId, created: true })}`;
    // Three more polls' time: each looks back over the last seconds again, yet the event arrives once.
    const text = await readStream(stream, (t) => t.includes(wanted), 3_000);
    expect(text.split(wanted).length - 1).toBe(1);
  }, 60_000);
});
