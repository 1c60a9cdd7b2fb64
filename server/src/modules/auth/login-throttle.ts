import { isIPv6 } from 'node:net';
import { AppError } from '../../lib/errors.js';
import { clock } from '../../lib/clock.js';
import { updateByIdIf, type Guard } from '../../db/guarded-update.js';
import { LoginThrottleModel, type LoginThrottle } from './login-throttle.model.js';

/** Failed sign-ins checked per account (e-mail) and per client address in a window. */
export const accountFailureCap = 10;
export const addressFailureCap = 100;
/** A window opens at its first attempt and lasts 15 minutes. */
const windowMs = 15 * 60 * 1000;

/** One counted attempt in one window; released when the attempt was not a failure. */
type Slot = { id: string; failures: number; windowEndsAt: Date };

/**
 * The address whose failures are counted together. One IPv6 host usually holds a whole /64, so
 * counting each of its addresses apart would let it rotate past the cap.
 */
export function addressKey(ip: string): string {
  const ipv4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (ipv4) return ipv4[1]!;
  if (!isIPv6(ip)) return ip;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const [head, tail] = ip.split('%')[0]!.split('::');
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const sameWindow = (windowEndsAt: Date): Guard<{ windowEndsAt: Date }> => ({
  filter: { windowEndsAt },
  holds: (doc) => doc.windowEndsAt.getTime() === windowEndsAt.getTime(),
  fields: 'windowEndsAt',
});

/** One $inc on the _id: atomic on MongoDB, and on FerretDB over the embedded mode's one connection. */
async function increment(id: string, now: Date): Promise<Slot> {
  const doc = await LoginThrottleModel.findOneAndUpdate(
    { _id: id },
    { $inc: { failures: 1 }, $setOnInsert: { windowEndsAt: new Date(now.getTime() + windowMs) } },
    { upsert: true, returnDocument: 'after' },
  ).lean<LoginThrottle>();
  return { id, failures: doc!.failures, windowEndsAt: doc!.windowEndsAt };
}

/** Counts one more attempt on `id`, in a new window when the last one is over. */
async function countAttempt(id: string, now: Date): Promise<Slot> {
  const slot = await increment(id, now);
  if (slot.windowEndsAt > now) return slot;
  // Parallel attempts that all found the window over open one new window between them: only the
  // first reset finds the old window; the others count in the new one.
  const windowEndsAt = new Date(now.getTime() + windowMs);
  const reset = await updateByIdIf(LoginThrottleModel, id, sameWindow(slot.windowEndsAt), {
    $set: { failures: 1, windowEndsAt },
  });
  return reset ? { id, failures: 1, windowEndsAt } : increment(id, now);
}

async function release(slot: Slot): Promise<void> {
  await updateByIdIf(LoginThrottleModel, slot.id, sameWindow(slot.windowEndsAt), { $inc: { failures: -1 } });
}

function tooMany(slot: Slot, refusal: string): AppError {
  const minutes = Math.max(1, Math.ceil((slot.windowEndsAt.getTime() - clock.now().getTime()) / 60_000));
  return new AppError('too_many_requests', `${refusal} Try again in ${minutes} minute(s).`);
}

/**
 * Runs the password check `check` only while the address and the account have failures left in
 * their windows (429 at once otherwise). The attempt is counted before the check, so parallel
 * attempts cannot pass the caps; a success clears the account's count and gives the address its
 * attempt back, and a check that could not run (busy server) counts as no failure.
 */
export async function throttledLogin<T>(email: string, ip: string, check: () => Promise<T | null>): Promise<T | null> {
  const now = clock.now();
  const address = await countAttempt(`ip|${addressKey(ip)}`, now);
  if (address.failures > addressFailureCap) {
    await release(address);
    throw tooMany(address, 'Too many failed sign-ins from this address.');
  }
  const account = await countAttempt(`email|${email.toLowerCase()}`, now);
  if (account.failures > accountFailureCap) {
    await Promise.all([release(account), release(address)]);
    throw tooMany(account, 'Too many failed sign-ins for this account.');
  }
  let result: T | null;
  try {
    result = await check();
  } catch (err) {
    await Promise.all([release(account), release(address)]);
    throw err;
  }
  if (result !== null) await Promise.all([LoginThrottleModel.deleteOne({ _id: account.id }), release(address)]);
  return result;
}

/**
 * The same windowed counter for other throttles (the customer's order page): counts one attempt on
 * `key` and refuses it with 429 (giving it back) beyond `cap` in the window. `release` gives the
 * attempt back when it turned out not to count (a token that was right after all).
 */
export async function countWithinCap(
  key: string,
  cap: number,
  refusal: string,
): Promise<{ release: () => Promise<void> }> {
  const slot = await countAttempt(key, clock.now());
  if (slot.failures > cap) {
    await release(slot);
    throw tooMany(slot, refusal);
  }
  return { release: () => release(slot) };
}

export async function removeExpiredThrottles(now: Date): Promise<void> {
  await LoginThrottleModel.deleteMany({ windowEndsAt: { $lte: now } });
}
