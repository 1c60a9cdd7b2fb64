import mongoose from 'mongoose';
import type { Actor, CreateUserBody, Locale, Right, Role, SessionUser, UpdateUserBody, User } from '@callboard/shared';
import { AppError, notFound } from '../../lib/errors.js';
import { UserModel, type UserDoc } from './users.model.js';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword } from './password.js';
import { endSessionsOf } from '../sessions/index.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { updateByIdIf } from '../../db/guarded-update.js';
import { schedulerActor } from '../../db/actor.js';
import { changedFields, recordAudit } from '../audit/index.js';
import { readCache } from '../../lib/read-cache.js';

export function toUser(doc: UserDoc): User {
  return {
    id: String(doc._id),
    email: doc.email,
    name: doc.name,
    role: doc.role as Role,
    rights: (doc.rights ?? []) as Right[],
    disabled: !!doc.disabled,
    timezone: doc.timezone ?? null,
    locale: (doc.locale ?? null) as Locale | null,
    createdAt: (doc.createdAt as Date).toISOString(),
  };
}

function toSessionUser(doc: UserDoc): SessionUser {
  const { disabled: _d, createdAt: _c, ...user } = toUser(doc);
  return user;
}

/**
 * Every signed-in request asks who its session belongs to, so the answer is kept a few seconds.
 * updateUser drops it at once in its process; another process on the same MongoDB sees a new name,
 * rights, zone or language within the 5 s. Disabling, a role change and a new password end the
 * user's sessions in the database (endSessionsOf), which every request reads: those stop the user
 * at their next request in every process, whatever is kept here.
 */
const sessionUsers = readCache(5_000, async (id: string): Promise<SessionUser | null> => {
  const doc = await UserModel.findById(id, { passwordHash: 0 }).lean<UserDoc>();
  return doc && !doc.disabled ? toSessionUser(doc) : null;
});

export async function findActiveSessionUser(id: string): Promise<SessionUser | null> {
  return mongoose.isValidObjectId(id) ? sessionUsers.get(id) : null;
}

/** Same answer and about the same time whether the e-mail exists or not. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const doc = await UserModel.findOne({ email: email.toLowerCase() }).lean<UserDoc>();
  if (!doc) {
    await verifyPassword(password, unmatchableHash());
    return null;
  }
  if (!(await verifyPassword(password, doc.passwordHash)) || doc.disabled) return null;
  if (needsRehash(doc.passwordHash)) await upgradePasswordHash(doc, password);
  return toSessionUser(doc);
}

/**
 * Rehashes a password stored at an older, cheaper cost while it is at hand, unless it was changed
 * meanwhile. Not a password change: the user's sessions stay. When hashing is too busy, the next
 * sign-in does it.
 */
async function upgradePasswordHash(doc: UserDoc, password: string): Promise<void> {
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (err) {
    if (err instanceof AppError && err.code === 'service_unavailable') return;
    throw err;
  }
  const old = doc.passwordHash;
  await updateByIdIf(
    UserModel,
    String(doc._id),
    {
      filter: { passwordHash: old },
      holds: (d: { passwordHash: string }) => d.passwordHash === old,
      fields: 'passwordHash',
    },
    { $set: { passwordHash } },
  );
}

export async function listUsers(): Promise<User[]> {
  const docs = await UserModel.find().sort({ name: 1 }).lean<UserDoc[]>();
  return docs.map(toUser);
}

/** Names only, for showing who is in charge and offering the enabled in a select (managers may read it, not the user list). */
export async function listStaffNames(): Promise<Pick<User, 'id' | 'name' | 'role' | 'disabled'>[]> {
  const docs = await UserModel.find({}, { name: 1, role: 1, disabled: 1 })
    .sort({ name: 1 })
    .lean<{ _id: unknown; name: string; role: Role; disabled?: boolean }[]>();
  return docs.map((d) => ({ id: String(d._id), name: d.name, role: d.role, disabled: !!d.disabled }));
}

export async function getUser(id: string): Promise<User> {
  const doc = await UserModel.findById(id).lean<UserDoc>();
  if (!doc) throw notFound('User');
  return toUser(doc);
}

/**
 * Every staff member's name, kept like the session users: cards, lists and the queue name managers
 * on most requests, and a call centre's staff is a short list. createUser and updateUser drop it.
 */
const staffNames = readCache(5_000, async () => new Map((await listStaffNames()).map((u) => [u.id, u.name])));

/** Names of several users at once, for lists that show who did what. */
export async function userNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id) => mongoose.isValidObjectId(id)))];
  if (unique.length === 0) return new Map();
  const known = await staffNames.get(undefined);
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const id of unique) {
    const name = known.get(id);
    if (name === undefined) missing.push(id);
    else names.set(id, name);
  }
  // Someone added in another process within the last seconds.
  if (missing.length > 0) {
    const docs = await UserModel.find({ _id: { $in: missing } }, { name: 1 }).lean<{ _id: unknown; name: string }[]>();
    for (const d of docs) names.set(String(d._id), d.name);
  }
  return names;
}

/** What an audit entry says about a user: never the password or its hash. */
function audited({ email, name, role, rights, disabled, timezone, locale }: User): Record<string, unknown> {
  return { email, name, role, rights, disabled, timezone, locale };
}

/** A password change is audited as having happened, nothing more. */
const passwordChanged = { password: { from: null, to: 'changed' } };

/** `by` is whoever creates the user: an admin, or the system itself at start-up, in the demo seed and scripts. */
export async function createUser(input: CreateUserBody, by: Actor = schedulerActor): Promise<User> {
  let user: User;
  try {
    const doc = await UserModel.create({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      rights: input.rights ?? [],
      timezone: input.timezone ?? null,
      locale: input.locale ?? null,
    });
    user = toUser(doc.toObject() as UserDoc);
    staffNames.drop();
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new AppError('conflict', 'A user with this e-mail already exists');
    throw err;
  }
  await recordAudit({
    by,
    objectType: 'user',
    objectId: user.id,
    action: 'created',
    changes: changedFields({}, audited(user)),
  });
  return user;
}

/** Who changes a user: an admin, signed in with this session. */
export type UserEditor = { by: Actor; sessionId: string };

export async function updateUser(id: string, input: UpdateUserBody, editor: UserEditor): Promise<User> {
  if (id === editor.by.id && (input.disabled === true || input.role === 'manager')) {
    throw new AppError('conflict', 'You cannot disable yourself or remove your own admin role');
  }
  const beforeDoc = await UserModel.findById(id).lean<UserDoc>();
  if (!beforeDoc) throw notFound('User');
  const before = toUser(beforeDoc);
  const { password, ...rest } = input;
  const update: Record<string, unknown> = { ...rest };
  if (password) update.passwordHash = await hashPassword(password);
  const doc = await UserModel.findByIdAndUpdate(id, { $set: update }, { returnDocument: 'after' }).lean<UserDoc>();
  sessionUsers.drop(id);
  staffNames.drop();
  if (!doc) throw notFound('User');
  // Whoever signed in under the old password, role or standing signs in again; an admin who
  // changes their own password keeps the session they did it from.
  if (password || doc.role !== before.role || !!doc.disabled !== before.disabled) {
    await endSessionsOf(id, id === editor.by.id ? editor.sessionId : undefined);
  }
  const user = toUser(doc);
  const changes = { ...changedFields(audited(before), audited(user)), ...(password ? passwordChanged : {}) };
  await recordAudit({ by: editor.by, objectType: 'user', objectId: id, action: 'updated', changes });
  return user;
}

export async function countUsers(): Promise<number> {
  return UserModel.estimatedDocumentCount();
}

/** BOOTSTRAP_ADMIN_*: on a database with no users, create this admin. */
export async function ensureBootstrapAdmin(admin: { email: string; password: string } | undefined): Promise<boolean> {
  if (!admin || (await UserModel.exists({}))) return false;
  await createUser({ email: admin.email, password: admin.password, name: 'Administrator', role: 'admin' });
  return true;
}
