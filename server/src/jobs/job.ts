import type { Env } from '../config/env.js';

export type JobContext = { env: Env };

/**
 * A recurring sweep: every `every` milliseconds one scheduler process runs it with the clock's
 * now. Agenda delivers at least once, so `run` must be idempotent.
 */
export type JobDefinition = { name: string; every: number; run: (now: Date, ctx: JobContext) => Promise<unknown> };
