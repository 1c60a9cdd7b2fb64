import type { Right } from '@callboard/shared';
import type { SessionUser } from '../auth/api/auth-api';

/** The client's mirror of the server's check: admins hold every right; others only what was granted. */
export function hasRight(user: SessionUser | undefined, right: Right): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.rights ?? []).includes(right);
}
