import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import { clock } from '../lib/clock.js';
import { logger } from '../lib/logger.js';
import { jobDefinitions, type JobContext, type JobDefinition } from './index.js';

export type Scheduler = { agenda: Agenda; stop: () => Promise<void> };

export type SchedulerOptions = {
  ctx: JobContext;
  jobs?: JobDefinition[];
  /** How often Agenda looks for due jobs. */
  processEveryMs?: number;
  /** Tests run every job at this interval instead of its own. */
  everyMs?: number;
  /** How long a job stays locked when the database never heard its run end (tests shorten it). */
  lockLifetimeMs?: number;
  name?: string;
};

/**
 * Starts Agenda on Mongoose's own connection (the embedded FerretDB is safe only over one
 * connection, so nothing may open a second). A few recurring sweeps, not one job per due item:
 * on FerretDB each Agenda lock scans its job collection, so per-item jobs do not scale there,
 * while a sweep is one indexed query on MongoDB and FerretDB alike.
 */
export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('startScheduler: connect Mongoose first');
  const jobs = options.jobs ?? jobDefinitions;
  const agenda = new Agenda({
    // Mongoose bundles its own copy of the driver; the Db object is the same at runtime.
    backend: new MongoBackend({ mongo: db as unknown as Db }),
    processEvery: options.processEveryMs ?? 5_000,
    // A run whose unlock never reached the database (it froze or went away mid-run) keeps its job locked
    // this long; Agenda's 10-minute default would hold every sweep that long after a database hiccup.
    // The sweeps take seconds and are idempotent, so another run after 2 minutes is harmless.
    defaultLockLifetime: options.lockLifetimeMs ?? 120_000,
    defaultConcurrency: 1,
    ...(options.name ? { name: options.name } : {}),
  });
  agenda.on('fail', (err: Error, job: { attrs: { name: string } }) =>
    logger.error(`Job ${job.attrs.name} failed`, err),
  );
  // Agenda reports a lock or save that failed (the database away) as 'error'; unheard, the event
  // would throw out of its polling timer and stop the process. It polls again on its next tick.
  let lastWarnedAt = 0;
  agenda.on('error', (err: Error) => {
    // One line per outage, not one per job and poll.
    if (Date.now() - lastWarnedAt < 60_000) return;
    lastWarnedAt = Date.now();
    logger.warn(`The scheduler could not reach its jobs (it retries on every poll): ${err.message}`);
  });
  // Agenda's stop() unlocks jobs but does not wait for a running handler; stop() below does.
  const running = new Set<Promise<unknown>>();
  for (const job of jobs) {
    agenda.define(
      job.name,
      async () => {
        const run = job.run(clock.now(), options.ctx);
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      },
      { concurrency: 1 },
    );
  }
  await agenda.start();
  for (const job of jobs) await agenda.every(options.everyMs ?? job.every, job.name);
  return {
    agenda,
    stop: async () => {
      await agenda.stop(false);
      await Promise.allSettled([...running]);
    },
  };
}
