import type { Server } from 'node:http';
import { loadEnv } from './config/env.js';
import { connectMongoose, startDatabase } from './db/connection.js';
import { createApp } from './app.js';
import { logger } from './lib/logger.js';
import { prepareFirstStart } from './seed/first-start.js';
import mongoose from 'mongoose';
import { startScheduler } from './jobs/scheduler.js';
import { removeOrphanUploads } from './modules/attachments/index.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const db = await startDatabase(env);
  await connectMongoose(db.uri, db.singleConnection);
  await mongoose.connection.syncIndexes();
  await prepareFirstStart(env);
  await removeOrphanUploads(env.uploadDir, new Date());
  const scheduler = await startScheduler({ ctx: { env } });
  const app = createApp(env);
  const server: Server = app.listen(env.port, () => logger.info(`Callboard is running on ${env.publicUrl}`));

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${signal}: shutting down…`);
    server.close();
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
