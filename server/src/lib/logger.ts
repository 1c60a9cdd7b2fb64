/**
 * Plain line logger: each line starts with the time (ISO, UTC) and the level, so lines from the
 * API, the sweeps and the database supervisor can be put in order. Quiet under tests except for
 * errors, so Jest output shows only failures.
 */
const quiet = process.env.NODE_ENV === 'test';

const line = (level: string, msg: string) => `${new Date().toISOString()} ${level} ${msg}`;

export const logger = {
  info: (msg: string) => {
    if (!quiet) console.log(line('info', msg));
  },
  warn: (msg: string) => {
    if (!quiet) console.warn(line('warn', msg));
  },
  error: (msg: string, err?: unknown) => {
    console.error(line('error', msg), err instanceof Error ? err.stack : (err ?? ''));
  },
};
