import { timingSafeEqual, createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Env } from '../config/env.js';
import { AppError } from '../lib/errors.js';
import { hasRight, type Right, type SessionUser } from '@callboard/shared';

/** Who may call a route: anyone, any signed-in staff member, admins, or the intake API key. */
export type Access = 'public' | 'staff' | 'admin' | 'intake' | { right: Right };

type SessionUserLookup = (userId: string) => Promise<SessionUser | null>;
let findSessionUser: SessionUserLookup = async () => null;

/**
 * The users module answers who a session belongs to (and whether they may still sign in). It is
 * handed in at start-up (wiring.ts), because the users module's own routes are built on this file.
 */
export function setSessionUserLookup(lookup: SessionUserLookup): void {
  findSessionUser = lookup;
}

// Declaration merging needs interfaces.
declare module 'express-session' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface SessionData {
    userId?: string;
    /** ISO instant of the sign-in: the session ends a working week later (session-store.ts). */
    signedInAt?: string;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Request {
      user?: SessionUser;
    }
  }
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Every route passes through here: the access it declares is checked before its input is read. */
export function requireAuth(access: Access) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      if (access === 'public') return next();
      if (access === 'intake') {
        const key = (req.app.locals.env as Env).intakeApiKey;
        if (!key) throw new AppError('forbidden', 'The intake API is disabled: INTAKE_API_KEY is not set');
        const given = req.header('x-api-key');
        if (!given || !sameSecret(given, key))
          throw new AppError('unauthorized', 'A valid X-Api-Key header is required');
        return next();
      }
      const userId = req.session?.userId;
      const user = userId ? await findSessionUser(userId) : null;
      if (!user) {
        // A disabled or deleted user's session ends at their next request.
        if (userId) await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
        throw new AppError('unauthorized', 'Please sign in');
      }
      req.user = user;
      if (access === 'admin' && user.role !== 'admin')
        throw new AppError('forbidden', 'Only administrators may do this');
      if (typeof access === 'object' && !hasRight(user, access.right)) {
        throw new AppError('forbidden', `This needs the "${access.right}" right`);
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
