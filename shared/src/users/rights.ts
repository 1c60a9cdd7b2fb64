import type { Right, Role, User } from './users.schema.js';

/** The signed-in user as the API returns it from sign-in and GET /api/auth/me. */
export type SessionUser = Omit<User, 'disabled' | 'createdAt'>;

/** Admins hold every right; managers only those an admin granted. The server decides, the client mirrors it. */
export function hasRight(user: { role: Role; rights?: readonly Right[] } | null | undefined, right: Right): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.rights ?? []).includes(right);
}
