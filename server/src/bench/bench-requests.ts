/**
 * The request benchmark (`npm run bench`): every hot request of a working day through the real HTTP
 * app, on the demo data at 1,000 and 20,000 orders, one request at a time. For each: latency p50 and
 * p95, Node CPU per request beside a bare Express JSON endpoint measured in the same run (and the
 * ratio), and the database process's CPU per request. Prints figures, asserts nothing. Runs against
 * MONGODB_URI, or a fresh embedded FerretDB in a temp folder.
 *
 *   npm run bench                  (BENCH_RUNS=30, BENCH_SIZES=1000,20000 by default)
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose from 'mongoose';
import { startMirrors } from '../db/memory-mirror.js';
import { ClientModel } from '../modules/clients/client.model.js';
import { OrderModel } from '../modules/orders/order.model.js';
import { demoPassword, demoSize, seedDemoData } from '../seed/demo-data.js';
import { cpuTimer, fmt, signIn, startBenchApp, stats, type Sample } from './bench-setup.js';

// A full collection on demand, so the memory figure counts what stays alive.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const runs = Number(process.env.BENCH_RUNS ?? 30);
const sizes = (process.env.BENCH_SIZES ?? '1000,20000').split(',').map(Number);

type Row = { label: string; samples: Sample[] };

/** A bare Express 5 JSON endpoint in this process: the floor every request's Node CPU is compared with. */
async function bareExpress(): Promise<{ url: string; close: () => void }> {
  const app = express();
  app.get('/ping', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`, close: () => server.close() };
}

/** What the requests look up: open orders, and a client's phone, name and e-mail, an order number. */
async function lookups() {
  const open = await OrderModel.find({ status: { $in: ['pending', 'reserved'] } }, { _id: 1, number: 1 })
    .limit(200)
    .lean<{ _id: mongoose.Types.ObjectId; number: number }[]>();
  const clients = await ClientModel.find({}, { name: 1, phones: 1, emails: 1 })
    .limit(50)
    .lean<{ name: string; phones: { number: string }[]; emails: string[] }[]>();
  return { open, clients };
}

function printTable(size: number, rows: Row[], bare: Sample[]): void {
  const bareCpu = stats(bare.map((s) => s.nodeCpu)).median;
  console.log(`\n${size.toLocaleString('en')} orders (demo data), ${runs} requests each, one at a time:`);
  console.log(
    '| request | p50 ms | p95 ms | Node CPU ms (median) | × bare | DB CPU ms (median) |\n|---|---|---|---|---|---|',
  );
  for (const { label, samples } of [{ label: 'bare Express JSON', samples: bare }, ...rows]) {
    const lat = stats(samples.map((s) => s.ms));
    const cpu = stats(samples.map((s) => s.nodeCpu)).median;
    const db = samples.every((s) => s.dbCpu !== null) ? stats(samples.map((s) => s.dbCpu as number)).median : null;
    console.log(
      `| ${label} | ${fmt(lat.median)} | ${fmt(lat.p95)} | ${cpu.toFixed(2)} | ${(cpu / bareCpu).toFixed(1)}× | ${fmt(db)} |`,
    );
  }
}

async function measure(size: number, base: string, dbPid: number | undefined, bareUrl: string): Promise<void> {
  const timer = cpuTimer(dbPid);
  const t0 = Date.now();
  await seedDemoData(demoSize(size));
  console.log(`\nSeeded ${size.toLocaleString('en')} demo orders in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (dbPid !== undefined) {
    // What a restart of the embedded mode costs: every mirrored collection read whole, and kept in memory.
    const t1 = Date.now();
    const documents = await startMirrors();
    const seconds = (Date.now() - t1) / 1000;
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    console.log(
      `Memory mirrors: ${documents.toLocaleString('en')} documents read whole in ${seconds.toFixed(1)} s (as at a restart); after a full collection this process holds a ${fmt(heapUsed / 2 ** 20)} MB heap, ${fmt(rss / 2 ** 20)} MB resident`,
    );
  }
  const admin = await signIn(base, 'ana.admin@callboard.test', demoPassword);
  const manager = await signIn(base, 'marta@callboard.test', demoPassword);
  const { open, clients } = await lookups();
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  const fetchOk = (url: string, cookie: string) => async () => {
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const get = (cookie: string, path: string) => fetchOk(`${base}${path}`, cookie);
  const requests: { label: string; run: (i: number) => () => Promise<void> }[] = [
    { label: 'session check GET /api/auth/me', run: () => get(manager, '/api/auth/me') },
    { label: 'order card', run: (i) => get(manager, `/api/orders/${pick(open, i)._id}`) },
    { label: 'order timeline', run: (i) => get(manager, `/api/orders/${pick(open, i)._id}/timeline`) },
    { label: 'orders list, 50 rows (default filter)', run: () => get(admin, '/api/orders?limit=50') },
    {
      label: 'orders list, 50 rows, status=all, page 3',
      run: () => get(admin, '/api/orders?status=all&limit=50&page=3'),
    },
    {
      label: 'search by phone',
      run: (i) => get(admin, `/api/orders?status=all&q=${encodeURIComponent(pick(clients, i).phones[0]!.number)}`),
    },
    {
      label: 'search by name',
      run: (i) => get(admin, `/api/orders?status=all&q=${encodeURIComponent(pick(clients, i).name)}`),
    },
    {
      label: 'search by e-mail',
      run: (i) => get(admin, `/api/orders?status=all&q=${encodeURIComponent(pick(clients, i).emails[0] ?? 'x@y.z')}`),
    },
    { label: 'search by number', run: (i) => get(admin, `/api/orders?status=all&q=${pick(open, i).number}`) },
    { label: 'due count', run: () => get(manager, '/api/queue/count') },
  ];
  const bare: Sample[] = [];
  const rows: Row[] = requests.map(({ label }) => ({ label, samples: [] }));
  const claims: Sample[] = [];
  const records: Sample[] = [];
  let nothingDue = 0;
  for (let i = 0; i < runs; i++) {
    bare.push(await timer(fetchOk(bareUrl, '')));
    for (const [k, r] of requests.entries()) rows[k]!.samples.push(await timer(r.run(i)));
    let orderId = '';
    claims.push(
      await timer(async () => {
        const res = await fetch(`${base}/api/queue/claim`, { method: 'POST', headers: { cookie: manager } });
        orderId =
          res.status === 200 ? (((await res.json()) as { item: { order?: { id: string } } }).item.order?.id ?? '') : '';
      }),
    );
    if (!orderId) {
      nothingDue += 1;
      continue;
    }
    records.push(
      await timer(async () => {
        const res = await fetch(`${base}/api/orders/${orderId}/calls`, {
          method: 'POST',
          headers: { cookie: manager, 'content-type': 'application/json', 'idempotency-key': `bench-${size}-${i}` },
          body: JSON.stringify({ outcome: 'not_reached' }),
        });
        if (res.status !== 201) throw new Error(`record-call answered ${res.status}: ${await res.text()}`);
      }),
    );
  }
  rows.push({ label: 'claim-next', samples: claims }, { label: 'record-call', samples: records });
  printTable(size, rows, bare);
  if (nothingDue) console.log(`(${nothingDue} claims found nothing due for the manager, so recorded no call)`);
}

async function main(): Promise<void> {
  const app = await startBenchApp('callboard_bench_requests');
  const bare = await bareExpress();
  console.log(
    `Callboard request benchmark on ${app.kind}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}`,
  );
  try {
    for (const size of sizes) {
      await mongoose.connection.dropDatabase();
      await mongoose.connection.syncIndexes();
      // The embedded mode's in-memory copies are read again from the emptied database.
      if (app.ferret) await startMirrors();
      await measure(size, app.base, app.ferret?.process.pid, bare.url);
    }
    console.log(
      '\n(Node CPU is the whole bench process, the HTTP client and the server together, for the bare endpoint too. DB CPU is the FerretDB process, from /proc/<pid>/stat.)',
    );
  } finally {
    bare.close();
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
