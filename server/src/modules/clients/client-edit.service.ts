import {
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
import { getUser } from '../users/index.js';
import { ClientModel, type ClientDoc } from './client.model.js';
import { getClientDoc, toClientDto } from './client.service.js';
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
    const country = body.address?.country ?? existing.address?.country ?? null;
    const seen = new Set<string>();
    const phones = [];
    for (const p of body.phones) {
      const n = normalisePhone(p.number, country);
      if (seen.has(n.number)) continue;
      seen.add(n.number);
      const before = existing.phones.find((x) => x.number === n.number);
      // Re-sending a number keeps its invalid mark unless the body says otherwise; a new number starts valid.
      const invalid = p.invalid ?? !!before?.invalid;
      phones.push({ ...n, invalid, invalidAt: invalid ? (before?.invalidAt ?? clock.now()) : null });
    }
    set.phones = phones;
    if (body.timezone === undefined && !existing.timezone) {
      const zone = inferTimeZone(phones);
      if (zone) set.timezone = zone;
    }
  }
  const doc = await ClientModel.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' }).lean<ClientDoc>();
  if (!doc) throw notFound('Client');
  await announcePhoneFix(existing, doc, userActor(user));
  return toClientDto(doc);
}

/** A callable number the client did not have before puts orders closed on an invalid contact back in the queue. */
export async function announcePhoneFix(before: ClientDoc, after: ClientDoc, actor: Actor): Promise<void> {
  const callable = (c: ClientDoc) => new Set(c.phones.filter((p) => !p.invalid).map((p) => p.number));
  const had = callable(before);
  if ([...callable(after)].some((n) => !had.has(n))) {
    await emitDomainEvent('client.phoneFixed', { clientId: String(after._id), actor });
  }
}

/**
 * The invalid-contact call outcome: marks the called number invalid. Returns false when the
 * client has no such number (it may have been edited meanwhile).
 */
export async function markPhoneInvalid(clientId: string, number: string): Promise<boolean> {
  const client = await getClientDoc(clientId);
  const wanted = normalisePhone(number, client.address?.country).number;
  const index = client.phones.findIndex((p) => p.number === wanted || p.number === number);
  if (index < 0) return false;
  const phone = client.phones[index];
  if (!phone) return false;
  if (phone.invalid) return true;
  const res = await ClientModel.updateOne(
    { _id: client._id, [`phones.${index}.number`]: phone.number },
    { $set: { [`phones.${index}.invalid`]: true, [`phones.${index}.invalidAt`]: clock.now() } },
  );
  return res.matchedCount > 0;
}
