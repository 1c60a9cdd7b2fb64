import mongoose from 'mongoose';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, type Env } from '../config/env.js';
import { logger } from '../lib/logger.js';
import { ferretDbBinary, startFerretDb } from './ferretdb.js';

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
    const handle = await startFerretDb({ binary, dataDir: path.join(env.dataDir, 'ferretdb') });
    let stopping = false;
    void handle.exited.then((code) => {
      if (stopping) return;
      // A crashed database must not be hidden behind a server that answers 503 forever.
      logger.error(`The embedded FerretDB exited unexpectedly (code ${code}); stopping Callboard.`);
      process.exit(1);
    });
    logger.info(`Embedded FerretDB v1.24.2 on ${handle.uri} (data in ${path.join(env.dataDir, 'ferretdb')})`);
    return {
      uri: `${handle.uri}callboard`,
      kind: 'ferretdb',
      singleConnection: true,
      stop: async () => {
        stopping = true;
        await handle.stop();
      },
    };
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

export async function connectMongoose(uri: string, singleConnection: boolean): Promise<typeof mongoose> {
  oneConnection = singleConnection;
  return mongoose.connect(uri, {
    maxPoolSize: singleConnection ? 1 : 20,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
  });
}

export async function databaseIsUp(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  try {
    await db.command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
