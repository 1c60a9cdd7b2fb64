import { createServer, type Server } from 'node:http';
import { loadEnv } from './config/env.js';
import { connectMongoose, startDatabase } from './db/connection.js';
import { startMirrors } from './db/memory-mirror.js';
import { createApp } from './app.js';
import { logger } from './lib/logger.js';
import { prepareFirstStart } from './seed/first-start.js';
import mongoose from 'mongoose';
import { startScheduler } from './jobs/scheduler.js';
import { removeOrphanUploads } from './modules/attachments/index.js';
import { failInterruptedBulkJobs, watchBulkJobs } from './modules/orders/index.js';
import { startLiveEventRelay } from './modules/events/index.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const db = await startDatabase(env);
  await connectMongoose(db.uri, db.singleConnection);
  await mongoose.connection.syncIndexes();
  // The embedded mode answers its hot reads from memory (docs/architecture.md); MongoDB from its indexes.
  if (db.singleConnection) {
    const started = Date.now();
    const documents = await startMirrors();
    logger.info(`Read ${documents} documents into memory in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await prepareFirstStart(env);
  // The embedded mode is one process; on MongoDB several may share the database behind a load balancer.
  const severalProcesses = db.kind === 'mongodb';
  await failInterruptedBulkJobs(!severalProcesses);
  await removeOrphanUploads(env.uploadDir, new Date());
  const scheduler = await startScheduler({ ctx: { env } });
  const stopWatching = severalProcesses ? [startLiveEventRelay(), watchBulkJobs()] : [];
  const app = createApp(env);
  const server: Server = createServer(
    {
      // The whole request, body included, must arrive in 2 minutes: a 100 MB recording at about
      // 7 Mbit/s, while a body trickling in a byte at a time is cut off. Responses are not bounded
      // (the /api/events stream lives for hours).
      requestTimeout: 120_000,
      headersTimeout: 20_000,
      connectionsCheckingInterval: 5_000,
    },
    app,
  );
  // Longer than a proxy's idle keep-alive (nginx: 60 s), so Node never closes a connection the proxy is reusing.
  server.keepAliveTimeout = 65_000;
  server.listen(env.port, env.host, () =>
    logger.info(
      `Callboard is running on ${env.publicUrl} (listening on ${env.host ?? 'every interface'}, port ${env.port})`,
    ),
  );

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${signal}: shutting down…`);
    server.close();
    for (const stop of stopWatching) stop();
    await scheduler.stop().catch((err: unknown) => logger.error('The scheduler did not stop cleanly', err));
    await mongoose.disconnect().catch(() => {});
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  logger.error('Callboard could not start:', err);
  process.exit(1);
});
