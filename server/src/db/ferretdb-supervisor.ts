import { logger } from '../lib/logger.js';
import { startFerretDb, type FerretDbHandle } from './ferretdb.js';

export type SupervisedFerretDb = { uri: string; port: number; stop: () => Promise<void> };

const defaultFirstDelayMs = 500;
const maxDelayMs = 10_000;
/** A FerretDB that stayed up this long crashed for a new reason: restart it promptly again. */
const stableAfterMs = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the embedded FerretDB and starts it again whenever it exits, with back-off (0.5 s doubling
 * to 10 s), on the same port: the MongoDB driver reconnects to it by itself, and requests answer
 * 503 meanwhile (http/database-guard.ts) instead of the whole server going down with its database.
 */
export async function superviseFerretDb(opts: {
  binary: string;
  dataDir: string;
  /** The first wait before a restart (tests lengthen it to watch the outage). */
  firstDelayMs?: number;
}): Promise<SupervisedFerretDb> {
  const firstDelayMs = opts.firstDelayMs ?? defaultFirstDelayMs;
  let handle = await startFerretDb(opts);
  const port = handle.port;
  let stopped = false;
  let delayMs = firstDelayMs;
  let starting: Promise<FerretDbHandle> | undefined;

  const restart = async () => {
    for (;;) {
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
      if (stopped) return;
      try {
        starting = startFerretDb({ binary: opts.binary, dataDir: opts.dataDir, port });
        const next = await starting;
        handle = next;
        if (stopped) return next.stop();
        logger.info(`The embedded FerretDB is running again on port ${port}.`);
        return watch(next);
      } catch (err) {
        logger.error(`The embedded FerretDB did not start again; next try in ${delayMs / 1000} s`, err);
      }
    }
  };
  const watch = (current: FerretDbHandle) => {
    const upSince = Date.now();
    void current.exited.then(({ code, signal }) => {
      if (stopped) return;
      if (Date.now() - upSince >= stableAfterMs) delayMs = firstDelayMs;
      logger.error(
        `The embedded FerretDB exited unexpectedly (${signal ?? `code ${code}`}); restarting it in ${delayMs / 1000} s.`,
      );
      return restart();
    });
  };
  watch(handle);

  return {
    uri: handle.uri,
    port,
    stop: async () => {
      stopped = true;
      // A start under way finishes first, so the server it brings up is the one stopped here.
      await starting?.catch(() => {});
      await handle.stop();
    },
  };
}
