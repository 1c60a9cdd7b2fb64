import { AppError } from '../../http/errors.js';
import { clock } from '../../lib/clock.js';
import { LoginThrottleModel } from './login-throttle.model.js';

export const maxFailures = 5;
const windowMs = 15 * 60 * 1000;

function key(email: string, ip: string): string {
  return `${email.toLowerCase()}|${ip}`;
}

/** Refuses a sign-in with 429 after maxFailures failed attempts for this e-mail from this IP. */
export async function assertLoginAllowed(email: string, ip: string): Promise<void> {
  const doc = await LoginThrottleModel.findById(key(email, ip)).lean();
  if (doc && doc.windowEndsAt > clock.now() && doc.failures >= maxFailures) {
    const minutes = Math.ceil((doc.windowEndsAt.getTime() - clock.now().getTime()) / 60000);
    throw new AppError('too_many_requests', `Too many failed sign-ins. Try again in ${minutes} minute(s).`);
  }
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const id = key(email, ip);
  const now = clock.now();
  const doc = await LoginThrottleModel.findById(id).lean();
  if (!doc || doc.windowEndsAt <= now) {
    await LoginThrottleModel.updateOne(
      { _id: id },
      { $set: { failures: 1, windowEndsAt: new Date(now.getTime() + windowMs) } },
      { upsert: true },
    );
  } else {
    await LoginThrottleModel.updateOne({ _id: id }, { $inc: { failures: 1 } });
  }
}

export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  await LoginThrottleModel.deleteOne({ _id: key(email, ip) });
}

export async function removeExpiredThrottles(now: Date): Promise<void> {
  await LoginThrottleModel.deleteMany({ windowEndsAt: { $lte: now } });
}
