import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Jest loads global setup through ts-node as CommonJS, outside the ESM resolver the tests use:
// hence the extensionless import and rootDir from Jest instead of config/env.ts (import.meta).
import { ferretDbBinary, startFerretDb, type FerretDbHandle } from '../db/ferretdb';

declare global {
  var __callboardFerret: { handle: FerretDbHandle; dir: string } | undefined;
}

/** One FerretDB for the whole run, on a free port in a temp folder; each test file makes its own database. */
export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  process.env.NODE_ENV = 'test';
  if (process.env.MONGODB_URI) {
    process.env.CALLBOARD_TEST_MONGO_URI = process.env.MONGODB_URI;
    return;
  }
  const binary = ferretDbBinary(globalConfig.rootDir, process.env.FERRETDB_BIN);
  if (!binary) throw new Error('FerretDB is not built: run `bash scripts/install-ferretdb.sh` (or set MONGODB_URI).');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callboard-test-db-'));
  const handle = await startFerretDb({ binary, dataDir: dir });
  globalThis.__callboardFerret = { handle, dir };
  process.env.CALLBOARD_TEST_MONGO_URI = handle.uri;
  process.env.CALLBOARD_TEST_SINGLE_CONNECTION = 'true';
}
