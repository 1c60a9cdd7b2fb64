/** Plain line logger; quiet under tests so Jest output shows only failures. */
const quiet = process.env.NODE_ENV === 'test';

export const logger = {
  info: (msg: string) => {
    if (!quiet) console.log(msg);
  },
  warn: (msg: string) => {
    if (!quiet) console.warn(msg);
  },
  error: (msg: string, err?: unknown) => {
    console.error(msg, err instanceof Error ? err.stack : (err ?? ''));
  },
};
