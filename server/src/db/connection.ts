import mongoose from 'mongoose';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, type Env } from '../config/env.js';
import { logger } from '../lib/logger.js';
import { ferretDbBinary } from './ferretdb.js';
import { superviseFerretDb } from './ferretdb-supervisor.js';

mongoose.set('strictQuery', 'throw');

export type Database = {
  uri: string;
  kind: 'mongodb' | 'ferretdb' | 'memory-server';
  /** FerretDB applies updates atomically only within one connection, so the embedded mode uses one. */
  singleConnection: boolean;
  stop: () => Promise<void>;
};

function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/** Where the embedded server runs: MONGODB_URI, else FerretDB, else mongodb-memory-server. */
export async function startDatabase(env: Env): Promise<Database> {
  if (env.mongodbUri) {
    return { uri: env.mongodbUri, kind: 'mongodb', singleConnection: false, stop: async () => {} };
  }
  let binary = ferretDbBinary(repoRoot, env.ferretdbBin);
  if (!binary && hasGo()) {
    logger.info('FerretDB is not built yet; building it once (scripts/install-ferretdb.sh)…');
    spawnSync('bash', [path.join(repoRoot, 'scripts/install-ferretdb.sh')], { stdio: 'inherit' });
    binary = ferretDbBinary(repoRoot, env.ferretdbBin);
  }
  if (binary) {
    const dataDir = path.join(env.dataDir, 'ferretdb');
    const ferret = await superviseFerretDb({ binary, dataDir });
    logger.info(`Embedded FerretDB v1.24.2 on ${ferret.uri} (data in ${dataDir})`);
    return { uri: `${ferret.uri}callboard`, kind: 'ferretdb', singleConnection: true, stop: ferret.stop };
  }
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await MongoMemoryServer.create();
    logger.info('Neither MONGODB_URI nor FerretDB is available: using mongodb-memory-server (data is not kept).');
    return {
      uri: `${server.getUri()}callboard`,
      kind: 'memory-server',
      singleConnection: false,
      stop: async () => {
        await server.stop();
      },
    };
  } catch (err) {
    throw new Error(
      'No database: set MONGODB_URI to a MongoDB 6+ server, or install Go and run `npm run setup` to build the embedded FerretDB. ' +
        `(mongodb-memory-server could not start either: ${(err as Error).message})`,
    );
  }
}

let oneConnection = false;

/** The embedded mode: one server process on one connection (see guarded-update.ts). */
export const onOneConnection = () => oneConnection;

/**
 * How long a wait on the database may last (measured against a FerretDB frozen with SIGSTOP). The
 * driver's heartbeat (every 2 s, answered within 5 s) marks a gone or frozen server down; Mongoose's
 * readyState then drops, the guard answers 503 at once (http/database-guard.ts) and model calls wait
 * for a reconnect at most 10 s (Mongoose's bufferTimeoutMS). An operation already sent fails after
 * 10 s without an answer, a retried read after 10 s more of server selection. The socket timeout
 * replaces the connection; FerretDB may still be finishing the abandoned operation, the one moment
 * two connections can overlap in the embedded mode — accepted, as it follows a 10 s stall.
 */
const heartbeatFrequencyMS = 2_000;
const deadlines = {
  heartbeatFrequencyMS,
  connectTimeoutMS: 5_000,
  serverSelectionTimeoutMS: 10_000,
  socketTimeoutMS: 10_000,
};

let lastHeartbeatAt = 0;

export async function connectMongoose(uri: string, singleConnection: boolean): Promise<typeof mongoose> {
  oneConnection = singleConnection;
  const connected = await mongoose.connect(uri, {
    maxPoolSize: singleConnection ? 1 : 20,
    autoIndex: true,
    ...deadlines,
  });
  lastHeartbeatAt = Date.now();
  mongoose.connection.getClient().on('serverHeartbeatSucceeded', () => {
    lastHeartbeatAt = Date.now();
  });
  return connected;
}

/** The driver sees a server to send operations to (for a replica set: a primary). */
export const databaseConnected = () => mongoose.connection.readyState === mongoose.ConnectionStates.connected;

/**
 * The server answered the driver's own heartbeat moments ago: it is alive, even when operations
 * wait in line for the one connection of the embedded mode.
 */
export const databaseAnswering = () =>
  databaseConnected() && Date.now() - lastHeartbeatAt <= heartbeatFrequencyMS + 1_000;

/** Up when a ping answers within 1.5 s, or while it waits behind other operations, when the heartbeat does. */
export async function databaseIsUp(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!databaseConnected() || !db) return false;
  let timer: NodeJS.Timeout | undefined;
  const pinged = await Promise.race([
    db.command({ ping: 1 }).then(
      () => true,
      () => false,
    ),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), 1_500);
    }),
  ]);
  clearTimeout(timer);
  return pinged ?? databaseAnswering();
}
