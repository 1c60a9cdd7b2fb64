import session, { type SessionData } from 'express-session';
import { SessionModel, sessionMirror } from './session.model.js';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';

/** A session unused this long ends (requests move it on, at most every `sessionTouchMs`). */
export const sessionIdleMs = 12 * 60 * 60 * 1000;
/**
 * A request moves the stored idle limit on only once it would move by this much: a busy manager's
 * requests write their session every few minutes, not each time. The idle limit may so fall due
 * up to this much before 12 hours of real idleness.
 */
export const sessionTouchMs = 5 * 60 * 1000;
/** However busy, a session ends a working week (7 × 24 hours) after its sign-in. */
export const sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * When the session's absolute limit passes. One without its sign-in instant was made before the
 * limit existed: it has ended, and its user signs in once more.
 */
function lifetimeEndsAt(data: SessionData): number {
  return data.signedInAt ? Date.parse(data.signedInAt) + sessionLifetimeMs : 0;
}

/**
 * The earlier of the idle limit (the cookie's expiry, which express-session dates and moves on with
 * each request) and the absolute limit; the sweep removes the session after it.
 */
function expiresAt(data: SessionData): Date {
  const idle = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : clock.now().getTime() + sessionIdleMs;
  return new Date(Math.min(idle, lifetimeEndsAt(data)));
}

/** The session's data while it is within both limits, else null. */
function usable(doc: { data: string; expiresAt: Date } | null): SessionData | null {
  if (!doc) return null;
  const data = JSON.parse(doc.data) as SessionData;
  const now = clock.now();
  return doc.expiresAt > now && lifetimeEndsAt(data) > now.getTime() ? data : null;
}

/**
 * The stored expiry as read at the request's start, carried from `get` to `touch` on the session
 * under a symbol: express-session neither copies, hashes nor saves symbol-keyed properties.
 */
const storedExpiry = Symbol('storedExpiry');
type WithStoredExpiry = SessionData & { [storedExpiry]?: number };

/**
 * express-session store on our own collection. Expired sessions are removed by a scheduled sweep
 * (jobs/), not a TTL index, which FerretDB does not support.
 */
export class MongooseSessionStore extends session.Store {
  override get(sid: string, cb: (err: unknown, session?: SessionData | null) => void): void {
    sessionMirror
      .findById(sid)
      .then(async (doc) => {
        const data = usable(doc);
        if (doc && !data) await SessionModel.deleteOne({ _id: sid });
        if (doc && data) (data as WithStoredExpiry)[storedExpiry] = doc.expiresAt.getTime();
        cb(null, data);
      })
      .catch(cb);
  }

  override set(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    SessionModel.updateOne(
      { _id: sid },
      { $set: { data: JSON.stringify(data), userId: data.userId ?? null, expiresAt: expiresAt(data) } },
      { upsert: true },
    )
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  /** express-session builds the request's session from what `get` read: the stored expiry goes along. */
  override createSession(req: Parameters<session.Store['createSession']>[0], data: SessionData) {
    const stored = (data as WithStoredExpiry)[storedExpiry];
    const created = super.createSession(req, data);
    if (stored !== undefined) Object.defineProperty(created, storedExpiry, { value: stored });
    return created;
  }

  /**
   * Moves the idle limit on at the end of a request, once it would move by `sessionTouchMs` or
   * more. Never recreates the session: a request still running (an event stream) when its user's
   * sessions were ended must not bring its own back.
   */
  override touch(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    const next = expiresAt(data);
    const stored = (data as WithStoredExpiry)[storedExpiry];
    if (stored !== undefined && next.getTime() - stored < sessionTouchMs) return void cb?.();
    SessionModel.updateOne({ _id: sid }, { $set: { expiresAt: next } })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    SessionModel.deleteOne({ _id: sid })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }
}

/** Whether this session may still be used (an open event stream asks at each heartbeat). */
export async function sessionIsLive(sid: string): Promise<boolean> {
  return usable(await sessionMirror.findById(sid)) !== null;
}

/** Signs the user out everywhere, except from `keepSessionId` when given; their open streams close. */
export async function endSessionsOf(userId: string, keepSessionId?: string): Promise<void> {
  await SessionModel.deleteMany(keepSessionId ? { userId, _id: { $ne: keepSessionId } } : { userId });
  await emitDomainEvent('user.sessionsEnded', { userId, keptSessionId: keepSessionId ?? null });
}

export async function removeExpiredSessions(now: Date): Promise<number> {
  const res = await SessionModel.deleteMany({ expiresAt: { $lte: now } });
  return res.deletedCount;
}

/** Who has a session that has not expired: the staff signed in now, as the live floor lists them. */
export async function signedInUserIds(now: Date): Promise<Set<string>> {
  const ids = await SessionModel.distinct('userId', { expiresAt: { $gt: now } });
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}
