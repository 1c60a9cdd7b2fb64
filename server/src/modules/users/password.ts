import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../lib/errors.js';

type ScryptParams = { N: number; r: number; p: number };

/**
 * scrypt at OWASP's minimum (N=2^17, r=8, p=1): built into Node (no native add-on to build) and
 * memory-hard. One hash needs 128·N·r bytes = 128 MiB and about half a second of one core.
 */
export const hashParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
let current = hashParams;
// Room for one production hash and Node's overhead; a stored hash needing more fails to verify.
const maxmem = 256 * 1024 * 1024;
const keyLength = 32;

/**
 * The test suite's cheaper cost (log2 of N), so files that create many users stay fast; like
 * setClock, production never calls it.
 */
export function setPasswordHashCost(log2N: number): void {
  current = { ...hashParams, N: 2 ** log2N };
}

export function resetPasswordHashCost(): void {
  current = hashParams;
}

// Two at a time leave libuv's other threads to files and DNS and cap hashing memory at 256 MiB;
// a flood of sign-ins waits in a short line or is turned away, and the API stays responsive.
const concurrency = 2;
const maxWaiting = 32;
let hashing = 0;
const waiting: (() => void)[] = [];

async function inHashQueue<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < concurrency) hashing += 1;
  else if (waiting.length < maxWaiting) await new Promise<void>((resolve) => waiting.push(resolve));
  else
    throw new AppError(
      'service_unavailable',
      'Too many sign-ins are being checked at once; try again in a few seconds',
    );
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so a newcomer cannot overtake it.
    const next = waiting.shift();
    if (next) next();
    else hashing -= 1;
  }
}

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return inHashQueue(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password, salt, keyLength, { ...params, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

function format(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    salt &&
    key &&
    rest.length === 0 &&
    Number.isInteger(Math.log2(params.N)) &&
    params.N > 1 &&
    Number.isInteger(params.r) &&
    params.r > 0 &&
    Number.isInteger(params.p) &&
    params.p > 0;
  return valid ? { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') } : null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(current, salt, await scryptAsync(password, salt, current));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  const actual = await scryptAsync(password, hash.salt, hash.params);
  return actual.length === hash.key.length && timingSafeEqual(actual, hash.key);
}

/** A stored hash made with less memory or fewer passes than today's: rehashed at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  return !!hash && (hash.params.N * hash.params.r < current.N * current.r || hash.params.p < current.p);
}

/** A hash no password matches, at today's cost: checked when the e-mail is unknown, so timing does not tell. */
export function unmatchableHash(): string {
  return format(current, randomBytes(16), randomBytes(keyLength));
}
