import session, { type SessionData } from 'express-session';
import { SessionModel } from './session.model.js';
import { clock } from '../../lib/clock.js';

const defaultTtlMs = 12 * 60 * 60 * 1000;

/**
 * express-session store on our own collection. Expired sessions are removed by a scheduled sweep
 * (jobs/), not a TTL index, which FerretDB does not support.
 */
export class MongooseSessionStore extends session.Store {
  override get(sid: string, cb: (err: unknown, session?: SessionData | null) => void): void {
    SessionModel.findById(sid)
      .lean()
      .then((doc) => {
        if (!doc || doc.expiresAt <= clock.now()) return cb(null, null);
        cb(null, JSON.parse(doc.data) as SessionData);
      })
      .catch(cb);
  }

  override set(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    const expiresAt = data.cookie?.expires
      ? new Date(data.cookie.expires)
      : new Date(clock.now().getTime() + defaultTtlMs);
    SessionModel.updateOne(
      { _id: sid },
      { $set: { data: JSON.stringify(data), userId: data.userId ?? null, expiresAt } },
      { upsert: true },
    )
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  override touch(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    this.set(sid, data, cb);
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    SessionModel.deleteOne({ _id: sid })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }
}

export async function endSessionsOf(userId: string): Promise<void> {
  await SessionModel.deleteMany({ userId });
}

export async function removeExpiredSessions(now: Date): Promise<number> {
  const res = await SessionModel.deleteMany({ expiresAt: { $lte: now } });
  return res.deletedCount;
}
