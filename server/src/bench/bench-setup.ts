import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { loadEnv, repoRoot, type Env } from '../config/env.js';
import { connectMongoose } from '../db/connection.js';
import { startMirrors } from '../db/memory-mirror.js';
import { ferretDbBinary, startFerretDb, type FerretDbHandle } from '../db/ferretdb.js';
import { createApp } from '../app.js';
import { ClientModel } from '../modules/clients/client.model.js';
import { CounterModel, OrderModel } from '../modules/orders/order.model.js';

/** What the benchmarks share: a fresh database (MONGODB_URI, else embedded FerretDB), the app listening. */
export type BenchApp = {
  base: string;
  env: Env;
  kind: 'embedded FerretDB v1.24.2' | 'MONGODB_URI';
  /** The FerretDB child, whose CPU the queue benchmark reads. */
  ferret: FerretDbHandle | null;
  close: () => Promise<void>;
};

export async function startBenchApp(name: string): Promise<BenchApp> {
  let ferret: FerretDbHandle | null = null;
  let dir: string | null = null;
  let uri = process.env.MONGODB_URI;
  const single = !uri;
  if (!uri) {
    const binary = ferretDbBinary(repoRoot, process.env.FERRETDB_BIN);
    if (!binary) throw new Error('Set MONGODB_URI, or build FerretDB with `bash scripts/install-ferretdb.sh`');
    dir = mkdtempSync(path.join(os.tmpdir(), 'callboard-bench-'));
    ferret = await startFerretDb({ binary, dataDir: dir });
    uri = `${ferret.uri}${name}`;
  } else {
    const url = new URL(uri);
    url.pathname = `/${name}_${Date.now()}`;
    uri = url.toString();
  }
  await connectMongoose(uri, single);
  await mongoose.connection.syncIndexes();
  if (single) await startMirrors();
  const env = loadEnv({
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench',
    UPLOAD_DIR: dir ?? os.tmpdir(),
    DATA_DIR: dir ?? os.tmpdir(),
  });
  const server: Server = createApp(env).listen(0);
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    env,
    kind: ferret ? 'embedded FerretDB v1.24.2' : 'MONGODB_URI',
    ferret,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await mongoose.connection.dropDatabase().catch(() => {});
      await mongoose.disconnect();
      await ferret?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Orders numbered from..to-1, each with its own client, all due (one second apart, oldest first). */
export async function seedOrders(from: number, to: number, now: Date): Promise<void> {
  const batch = 500;
  for (let start = from; start < to; start += batch) {
    const clients = [];
    const orders = [];
    for (let i = start; i < Math.min(to, start + batch); i++) {
      const clientId = new mongoose.Types.ObjectId();
      clients.push({
        _id: clientId,
        name: `Bench client ${i}`,
        emails: [`bench${i}@example.com`],
        phones: [{ number: `+3460${String(i).padStart(7, '0')}`, display: `+34 60 ${i}` }],
        timezone: null,
      });
      const dueAt = new Date(now.getTime() - (to - i) * 1000);
      orders.push({
        number: 100_000 + i,
        status: 'pending',
        paymentStatus: 'unpaid',
        clientId,
        items: [{ name: 'Widget', quantity: 1, unitPriceMinor: 1999 }],
        currency: 'EUR',
        totalMinor: 1999,
        call: { state: 'due', nextCallAt: dueAt },
        createdBy: { type: 'intake', id: null, name: 'Bench' },
        createdAt: dueAt,
      });
    }
    await ClientModel.insertMany(clients);
    await OrderModel.insertMany(orders);
  }
  await CounterModel.updateOne({ _id: 'order' }, { $max: { seq: 100_000 + to } }, { upsert: true });
}

/** Signs in over HTTP and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  // express-session sends the headers before the session is stored and the body's last byte after.
  await res.arrayBuffer();
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

export const fmt = (n: number | null) => (n === null || Number.isNaN(n) ? 'n/a' : n.toFixed(1));

const clkTck = 100; // Linux USER_HZ

function dbCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name "(…)": utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clkTck;
  } catch {
    return null;
  }
}

const nodeCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One request's latency, this process's CPU and the database process's CPU while it ran. */
export type Sample = { ms: number; nodeCpu: number; dbCpu: number | null };

/** Times `fn` with the CPU it cost here and in the database process (`dbPid`, when it is a child). */
export const cpuTimer =
  (dbPid: number | undefined) =>
  async (fn: () => Promise<void>): Promise<Sample> => {
    const cpu0 = nodeCpuMs();
    const db0 = dbCpuMs(dbPid);
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    const db1 = dbCpuMs(dbPid);
    return { ms, nodeCpu: nodeCpuMs() - cpu0, dbCpu: db0 === null || db1 === null ? null : db1 - db0 };
  };
