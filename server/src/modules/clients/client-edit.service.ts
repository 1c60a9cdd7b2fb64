import {
  checkPhone,
  hasRight,
  userActor,
  type Actor,
  type Client,
  type SessionUser,
  type UpdateClientBody,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import { changedFields, recordAudit } from '../audit/index.js';
import { getUser } from '../users/index.js';
import { ClientModel, type ClientDoc } from './client.model.js';
import { cleanAddress, getClientDoc, toClientDto } from './client.service.js';
import { inferTimeZone, normalisePhone } from './client-phones.js';

/** A staff member who can be put in charge of clients and orders: 400 when the id names nobody. */
export async function assertAssignableUser(userId: string): Promise<void> {
  try {
    const user = await getUser(userId);
    if (user.disabled) throw badRequest(`${user.name} is disabled and cannot be assigned`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      throw badRequest('managerId does not name a user', [{ path: 'body.managerId', message: 'no such user' }]);
    }
    throw err;
  }
}

type StoredPhone = {
  number: string;
  display: string;
  country: string | null;
  invalid: boolean;
  invalidAt: Date | null;
};

/** A client as read, or as a write is about to leave it. */
type ClientState = Omit<ClientDoc, 'phones'> & {
  phones: { number: string; display: string; invalid?: boolean | null }[];
};

/** A number the client can be called on: not marked invalid. */
export const hasCallablePhone = (client: { phones?: { invalid?: boolean | null }[] | null }) =>
  (client.phones ?? []).some((p) => !p.invalid);

/** The client as the audit log shows it: what staff see, ids for the manager. */
function clientAuditView(doc: ClientState): Record<string, unknown> {
  return {
    name: doc.name,
    emails: doc.emails ?? [],
    phones: (doc.phones ?? []).map((p) => ({ number: p.display, invalid: !!p.invalid })),
    address: cleanAddress(doc.address),
    timezone: doc.timezone ?? null,
    managerId: doc.managerId ? String(doc.managerId) : null,
    tags: doc.tags ?? [],
    autoPayments: !!doc.autoPayments,
  };
}

/** Records what a write changed on the client, field by field (before → after). */
export async function auditClientChange(before: ClientState, after: ClientState, actor: Actor, action = 'updated') {
  const was = clientAuditView(before);
  const now = clientAuditView(after);
  const changes = changedFields(was, now);
  if (Object.keys(changes).length === 0) return;
  await recordAudit({ by: actor, objectType: 'client', objectId: String(after._id), action, changes });
}

/**
 * The phones as the body lists them, first one primary. A number the client already has keeps its
 * stored form (a shop's unparsable number can be re-sent); a new one must be a valid number.
 */
function phonesFromBody(body: NonNullable<UpdateClientBody['phones']>, existing: ClientDoc, country: string | null) {
  const seen = new Set<string>();
  const phones: StoredPhone[] = [];
  body.forEach((p, i) => {
    const before = existing.phones.find(
      (x) => x.number === p.number || x.number === normalisePhone(p.number, country).number,
    );
    let phone = before ? { number: before.number, display: before.display, country: before.country ?? null } : null;
    if (!phone) {
      const checked = checkPhone(p.number, country);
      if (!checked.ok)
        throw badRequest(`${p.number} is not a phone number that can be called (${checked.problem})`, [
          { path: `body.phones.${i}.number`, message: checked.problem },
        ]);
      phone = checked.phone;
    }
    if (seen.has(phone.number)) return;
    seen.add(phone.number);
    // Re-sending a number keeps its invalid mark unless the body says otherwise; a new number starts valid.
    const invalid = p.invalid ?? !!before?.invalid;
    phones.push({ ...phone, invalid, invalidAt: invalid ? (before?.invalidAt ?? clock.now()) : null });
  });
  return phones;
}

export async function updateClient(id: string, body: UpdateClientBody, user: SessionUser): Promise<Client> {
  if (body.autoPayments !== undefined && !hasRight(user, 'clients.autopay')) {
    throw new AppError('forbidden', 'Only administrators may switch auto-payments');
  }
  const existing = await getClientDoc(id);
  if (body.managerId) await assertAssignableUser(body.managerId);

  const set: Record<string, unknown> = {};
  if (body.name !== undefined) set.name = body.name;
  if (body.emails !== undefined) set.emails = [...new Set(body.emails)];
  if (body.address !== undefined) set.address = body.address;
  if (body.timezone !== undefined) set.timezone = body.timezone;
  if (body.managerId !== undefined) set.managerId = body.managerId;
  if (body.tags !== undefined) set.tags = [...new Set(body.tags)];
  if (body.autoPayments !== undefined) set.autoPayments = body.autoPayments;
  if (body.phones !== undefined) {
    const phones = phonesFromBody(body.phones, existing, body.address?.country ?? existing.address?.country ?? null);
    set.phones = phones;
    if (body.timezone === undefined && !existing.timezone) {
      const zone = inferTimeZone(phones);
      if (zone) set.timezone = zone;
    }
  }
  const doc = await ClientModel.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' }).lean<ClientDoc>();
  if (!doc) throw notFound('Client');
  const actor = userActor(user);
  await auditClientChange(existing, doc, actor);
  await announceContactChange(existing, doc, actor, body.phones !== undefined);
  return toClientDto(doc);
}

/**
 * Tells the orders what a change of phones means for the queue: a callable number the client did
 * not have before puts orders waiting for a contact back in the queue; no callable number left
 * takes the client's open orders out of it. `phonesWritten` repeats the second even when nothing
 * changed, so saving again converges after an interrupted save.
 */
export async function announceContactChange(
  before: ClientDoc,
  after: ClientDoc,
  actor: Actor,
  phonesWritten = true,
): Promise<void> {
  const callable = (c: ClientDoc) => new Set(c.phones.filter((p) => !p.invalid).map((p) => p.number));
  const had = callable(before);
  const has = callable(after);
  const clientId = String(after._id);
  if ([...has].some((n) => !had.has(n))) await emitDomainEvent('client.phoneFixed', { clientId, actor });
  else if (has.size === 0 && phonesWritten) await emitDomainEvent('client.contactLost', { clientId, actor });
}

/**
 * The invalid-contact call outcome: marks the called number invalid, and when that was the
 * client's last callable number, their other open orders leave the queue too (again on a retry).
 * Returns false when the client has no such number (it may have been edited meanwhile).
 */
export async function markPhoneInvalid(clientId: string, number: string, actor: Actor): Promise<boolean> {
  const client = await getClientDoc(clientId);
  const wanted = normalisePhone(number, client.address?.country).number;
  const index = client.phones.findIndex((p) => p.number === wanted || p.number === number);
  const phone = client.phones[index];
  if (!phone) return false;
  const after = { ...client, phones: client.phones.map((p, i) => (i === index ? { ...p, invalid: true } : p)) };
  if (!phone.invalid) {
    const res = await ClientModel.updateOne(
      { _id: client._id, [`phones.${index}.number`]: phone.number },
      { $set: { [`phones.${index}.invalid`]: true, [`phones.${index}.invalidAt`]: clock.now() } },
    );
    if (res.matchedCount === 0) return false;
    await auditClientChange(client, after, actor, 'phone_marked_invalid');
  }
  if (!hasCallablePhone(after)) await emitDomainEvent('client.contactLost', { clientId, actor });
  return true;
}
