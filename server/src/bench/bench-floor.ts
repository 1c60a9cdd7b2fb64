/**
 * Call-floor load: 20 managers, each a real signed-in user over HTTP, claiming the next item and
 * recording a call on it ("not reached" or "completed", at random) without pause, over 1,000 due
 * orders, with the real sweeps running. Prints the errors, the items offered again after a call
 * was recorded on them, the items handed to a second manager while the first still held them,
 * and claim/record latency. Runs against MONGODB_URI, or a fresh embedded FerretDB.
 *
 *   npm run bench:floor            (BENCH_SECONDS=180, BENCH_MANAGERS=20, BENCH_ORDERS=1000)
 */
import { randomUUID } from 'node:crypto';
import { createUser } from '../modules/users/users.service.js';
import { startScheduler } from '../jobs/scheduler.js';
import { fmt, seedOrders, signIn, startBenchApp, stats } from './bench-setup.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 180);
const managerCount = Number(process.env.BENCH_MANAGERS ?? 20);
const orderCount = Number(process.env.BENCH_ORDERS ?? 1000);

type Manager = { name: string; cookie: string };
/** An order's life as the managers saw it, in the bench's own clock (ms). */
type Seen = { holder: string; recordSentAt: number | null; recordedBy: string };

const claimMs: number[] = [];
const emptyClaimMs: number[] = [];
const recordMs: number[] = [];
const errors: string[] = [];
const reoffered: string[] = [];
const doubleHeld: string[] = [];
const seen = new Map<string, Seen>();
let records = 0;

function error(what: string): void {
  errors.push(what);
  if (errors.length <= 10) console.log(`  error: ${what}`);
}

/**
 * Claims the next order, passing over `except`. A holder keeps its claim until its call is
 * recorded, and the call moves the order out of reach for the whole run (an hour, or for good),
 * so an order handed out after a call on it was sent is a re-offer whoever gets it and whenever
 * the answers arrive; one handed to a second manager before the first sent a call is a double hold.
 */
async function claim(base: string, m: Manager, except: string[]): Promise<string | null> {
  const sent = performance.now();
  const res = await fetch(`${base}/api/queue/claim`, {
    method: 'POST',
    headers: { cookie: m.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ except }),
  });
  const ms = performance.now() - sent;
  if (res.status === 204) {
    emptyClaimMs.push(ms);
    return null;
  }
  const body = (await res.json()) as { item?: { order?: { id: string } } };
  const id = body.item?.order?.id;
  if (res.status !== 200 || !id) {
    error(`claim answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
    return null;
  }
  claimMs.push(ms);
  const s = seen.get(id);
  const now = performance.now();
  if (s?.recordSentAt != null)
    reoffered.push(
      `order ${id} claimed by ${m.name} ${fmt((now - s.recordSentAt) / 1000)} s after ${s.recordedBy} sent a call on it`,
    );
  else if (s && s.holder !== m.name) doubleHeld.push(`order ${id} claimed by ${m.name} while ${s.holder} held it`);
  seen.set(id, { holder: m.name, recordSentAt: null, recordedBy: '' });
  return id;
}

async function record(base: string, m: Manager, id: string): Promise<void> {
  const sent = performance.now();
  seen.set(id, { holder: m.name, recordSentAt: sent, recordedBy: m.name });
  const outcome = Math.random() < 0.5 ? 'not_reached' : 'completed';
  const res = await fetch(`${base}/api/orders/${id}/calls`, {
    method: 'POST',
    headers: { cookie: m.cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ outcome }),
  });
  const done = performance.now();
  if (res.status !== 201) {
    error(`record-call answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return;
  }
  await res.arrayBuffer();
  recordMs.push(done - sent);
  records += 1;
}

/**
 * As the workbench does it: the next item is claimed (passing over the one on screen) while the
 * call on the current one is being saved.
 */
async function work(base: string, m: Manager, until: number): Promise<void> {
  let current: string | null = null;
  while (Date.now() < until) {
    try {
      const saving = current ? record(base, m, current) : null;
      const next = await claim(base, m, current ? [current] : []);
      await saving;
      current = next;
    } catch (err) {
      error(`${m.name}: ${(err as Error).message}`);
      current = null;
    }
  }
}

async function main(): Promise<void> {
  const app = await startBenchApp('callboard_floor');
  console.log(
    `Callboard call-floor load on ${app.kind}: ${managerCount} managers, ${orderCount.toLocaleString('en')} due orders, ${seconds} s`,
  );
  const scheduler = await startScheduler({ ctx: { env: app.env } });
  try {
    await seedOrders(0, orderCount, new Date());
    const password = 'bench-password-123';
    const managers: Manager[] = [];
    for (let i = 1; i <= managerCount; i++) {
      const email = `floor${i}@example.com`;
      await createUser({ email, name: `Manager ${i}`, password, role: 'manager' });
      managers.push({ name: `Manager ${i}`, cookie: await signIn(app.base, email, password) });
    }
    const until = Date.now() + seconds * 1000;
    await Promise.all(managers.map((m) => work(app.base, m, until)));

    const claims = stats(claimMs);
    const empty = stats(emptyClaimMs);
    const recs = stats(recordMs);
    console.log(`\n  calls recorded       ${records} (${fmt(records / seconds)} per second)`);
    console.log(`  errors               ${errors.length}`);
    console.log(`  re-offered           ${reoffered.length} items claimed again after a call on them was sent`);
    for (const line of reoffered.slice(0, 10)) console.log(`    ${line}`);
    console.log(`  handed out twice     ${doubleHeld.length} items claimed while another manager held them`);
    for (const line of doubleHeld.slice(0, 10)) console.log(`    ${line}`);
    console.log(
      `  claim (item)         ${claimMs.length}: p50 ${fmt(claims.median)} ms, p95 ${fmt(claims.p95)} ms, max ${fmt(claims.max)} ms`,
    );
    console.log(`  claim (nothing due)  ${emptyClaimMs.length}: p50 ${fmt(empty.median)} ms, p95 ${fmt(empty.p95)} ms`);
    console.log(
      `  record-call          ${recordMs.length}: p50 ${fmt(recs.median)} ms, p95 ${fmt(recs.p95)} ms, max ${fmt(recs.max)} ms`,
    );
  } finally {
    await scheduler.stop();
    await app.close();
  }
  if (errors.length > 0 || reoffered.length > 0 || doubleHeld.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
