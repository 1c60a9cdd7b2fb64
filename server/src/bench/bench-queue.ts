/**
 * Queue benchmark: claim-next and record-call latency through the real HTTP app at 1,000 and
 * 10,000 orders, the Node process's CPU per request beside the database process's, and how late
 * the resurfacing sweep announces 1,000 items that fall due in the same minute. Prints figures,
 * asserts nothing. Runs against MONGODB_URI, or a fresh embedded FerretDB in a temp folder.
 *
 *   npm run bench:queue            (BENCH_RUNS=200 by default)
 */
import mongoose from 'mongoose';
import { loadEnv } from '../config/env.js';
import { onDomainEvent } from '../lib/domain-events.js';
import { createUser } from '../modules/users/users.service.js';
import { OrderModel } from '../modules/orders/order.model.js';
import { startScheduler } from '../jobs/scheduler.js';
import { jobDefinitions } from '../jobs/index.js';
import { cpuTimer, fmt, seedOrders, signIn, startBenchApp, stats, type Sample } from './bench-setup.js';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const sizes = [1_000, 10_000];

function report(label: string, samples: Sample[]): void {
  const lat = stats(samples.map((s) => s.ms));
  const node = stats(samples.map((s) => s.nodeCpu));
  const db = samples.every((s) => s.dbCpu !== null) ? stats(samples.map((s) => s.dbCpu as number)) : null;
  console.log(
    `  ${label.padEnd(12)} latency median ${fmt(lat.median)} ms, p95 ${fmt(lat.p95)} ms | Node CPU/request median ${fmt(node.median)} ms, p95 ${fmt(node.p95)} ms | DB CPU/request median ${fmt(db?.median ?? null)} ms, p95 ${fmt(db?.p95 ?? null)} ms`,
  );
}

/** 1,000 items due across the coming minute; the real scheduler (15 s sweep) announces them. */
async function resurfacingLag(): Promise<void> {
  // The first 1,000 seeded orders, 17 or so due in each second of the minute. Written by _id (FerretDB
  // scans for any other filter, once per updated document), first with a far-off date to time the
  // writing, so the real due times are still in the future when written.
  const first = 100_000;
  const ids = await OrderModel.find({ number: { $gte: first, $lt: first + 1000 } }, { _id: 1, number: 1 }).lean<
    { _id: mongoose.Types.ObjectId; number: number }[]
  >();
  const seconds = 60;
  const per = Math.ceil(1000 / seconds);
  const dueOf = (start: number, number: number) => new Date(start + Math.floor((number - first) / per) * 1000);
  const write = async (start: number) => {
    for (const o of ids)
      await OrderModel.updateOne(
        { _id: o._id },
        { $set: { 'call.state': 'scheduled', 'call.nextCallAt': dueOf(start, o.number) } },
      );
  };
  const t0 = Date.now();
  await write(t0 + 24 * 3600_000);
  const start = Date.now() + 2 * (Date.now() - t0) + 2_000;
  await write(start);
  const setupMs = Date.now() - t0;
  if (Date.now() > start)
    console.log('  (warning: writing the due times took longer than planned; early items start late)');
  const dueById = new Map<string, number>();
  for (const o of ids) dueById.set(String(o._id), dueOf(start, o.number).getTime());
  const lags: number[] = [];
  const off = onDomainEvent('queue.changed', (e) => {
    const due = e.reason === 'due' && e.orderId ? dueById.get(e.orderId) : undefined;
    if (due !== undefined) lags.push(Date.now() - due);
  });
  const scheduler = await startScheduler({
    ctx: { env: loadEnv() },
    jobs: jobDefinitions.filter((j) => j.name === 'queue-resurface'),
  });
  const deadline = start + 60_000 + 120_000;
  while (lags.length < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  await scheduler.stop();
  off();
  const s = stats(lags);
  console.log(
    `  resurfacing  ${lags.length}/${ids.length} announced; lag after due: median ${fmt(s.median / 1000)} s, p95 ${fmt(s.p95 / 1000)} s, max ${fmt(s.max / 1000)} s (sweep every 15 s; writing the due times took ${fmt(setupMs / 1000)} s)`,
  );
}

async function main(): Promise<void> {
  const app = await startBenchApp('callboard_bench');
  const { base, ferret } = app;
  console.log(`Callboard queue benchmark on ${app.kind} — ${runs} runs per figure`);
  const password = 'bench-password-123';
  await createUser({ email: 'bench@example.com', name: 'Bench Manager', password, role: 'manager' });
  const cookie = await signIn(base, 'bench@example.com', password);
  const timer = cpuTimer(ferret?.process.pid);

  try {
    let seeded = 0;
    for (const size of sizes) {
      await seedOrders(seeded, size, new Date());
      seeded = size;
      console.log(`\n${size.toLocaleString('en')} orders (all due):`);
      const claims: Sample[] = [];
      const records: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        let orderId = '';
        claims.push(
          await timer(async () => {
            const res = await fetch(`${base}/api/queue/claim`, { method: 'POST', headers: { cookie } });
            const body = (await res.json()) as { item: { order: { id: string } } };
            orderId = body.item.order.id;
          }),
        );
        records.push(
          await timer(async () => {
            const res = await fetch(`${base}/api/orders/${orderId}/calls`, {
              method: 'POST',
              headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `bench-${size}-${i}` },
              body: JSON.stringify({ outcome: 'not_reached' }),
            });
            if (res.status !== 201) throw new Error(`record-call answered ${res.status}: ${await res.text()}`);
          }),
        );
      }
      report('claim-next', claims);
      report('record-call', records);
      await resurfacingLag();
    }
    console.log(
      '\n(Node CPU is the whole bench process: the HTTP client and the server share it. DB CPU is the FerretDB process, from /proc/<pid>/stat.)',
    );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
