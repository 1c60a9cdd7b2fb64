import mongoose from 'mongoose';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import {
  userActor,
  type Actor,
  type Address,
  type Client,
  type ClientInput,
  type ClientNote,
  type ClientPhone,
  type Page,
  type PendingContact,
  type UpdateClientBody,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { updateByIdIf } from '../../db/guarded-update.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { hasRight, type SessionUser } from '@callboard/shared';
import { getUser, userNames } from '../users/index.js';
import { ClientModel, type ClientDoc } from './client.model.js';
import { ClientNoteModel, type ClientNoteDoc } from './client-note.model.js';

export type NormalisedPhone = { number: string; display: string; country: string | null };

/**
 * E.164 where the number parses (a leading 00 is read as the international prefix, a national
 * number needs the client's country), else the digits as typed so nothing the shop sent is lost.
 */
export function normalisePhone(raw: string, defaultCountry?: string | null): NormalisedPhone {
  const typed = raw.trim();
  const international = typed.replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(international, (defaultCountry ?? undefined) as CountryCode | undefined);
  if (parsed?.isPossible()) {
    return {
      number: parsed.number,
      display: parsed.formatInternational(),
      country: parsed.isValid() ? (parsed.country ?? null) : null,
    };
  }
  return { number: typed.replace(/[^\d+]/g, ''), display: typed, country: null };
}

/**
 * Countries where the whole country keeps one local time. Elsewhere (Spain with the Canaries,
 * Mexico, the US…) the phone's country does not tell the zone, so it stays null for staff to set.
 */
const singleTimeCountries: Record<string, string> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  CO: 'America/Bogota',
  CR: 'America/Costa_Rica',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  GT: 'America/Guatemala',
  IE: 'Europe/Dublin',
  IN: 'Asia/Kolkata',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PE: 'America/Lima',
  PL: 'Europe/Warsaw',
  SE: 'Europe/Stockholm',
  UY: 'America/Montevideo',
  VE: 'America/Caracas',
};

export function timeZoneForCountry(country: string | null): string | null {
  return (country && singleTimeCountries[country]) ?? null;
}

function inferTimeZone(phones: { country?: string | null }[]): string | null {
  for (const p of phones) {
    const zone = timeZoneForCountry(p.country ?? null);
    if (zone) return zone;
  }
  return null;
}

function toPhone(p: ClientDoc['phones'][number]): ClientPhone {
  return { number: p.number, display: p.display, country: p.country ?? null, invalid: !!p.invalid };
}

function toPendingContact(p: ClientDoc['pendingContacts'][number]): PendingContact {
  return {
    id: String(p._id),
    kind: p.kind as PendingContact['kind'],
    value: p.value,
    display: p.display,
    orderId: String(p.orderId),
    orderNumber: p.orderNumber,
    receivedAt: p.receivedAt.toISOString(),
  };
}

function toNote(n: ClientNoteDoc): ClientNote {
  return { id: String(n._id), text: n.text, at: n.at.toISOString(), by: { id: n.by.id ?? null, name: n.by.name } };
}

function cleanAddress(address: ClientDoc['address'] | undefined): Address {
  const out: Address = {};
  for (const key of ['line1', 'line2', 'city', 'postalCode', 'region', 'country'] as const) {
    const v = address?.[key];
    if (v) out[key] = v;
  }
  return out;
}

/** Clients as the API shows them, with manager names and notes loaded in two queries for the whole list. */
export async function toClientDtos(docs: ClientDoc[]): Promise<Client[]> {
  const ids = docs.map((d) => d._id);
  const [names, notes] = await Promise.all([
    userNames(docs.flatMap((d) => (d.managerId ? [String(d.managerId)] : []))),
    ids.length
      ? ClientNoteModel.find({ clientId: { $in: ids } })
          .sort({ at: -1 })
          .lean<ClientNoteDoc[]>()
      : [],
  ]);
  return docs.map((d) => {
    const managerId = d.managerId ? String(d.managerId) : null;
    return {
      id: String(d._id),
      name: d.name,
      emails: d.emails ?? [],
      phones: (d.phones ?? []).map(toPhone),
      pendingContacts: (d.pendingContacts ?? []).map(toPendingContact),
      address: cleanAddress(d.address),
      timezone: d.timezone ?? null,
      managerId,
      managerName: managerId ? (names.get(managerId) ?? null) : null,
      tags: d.tags ?? [],
      autoPayments: !!d.autoPayments,
      notes: notes.filter((n) => String(n.clientId) === String(d._id)).map(toNote),
      createdAt: (d as ClientDoc & { createdAt: Date }).createdAt.toISOString(),
    };
  });
}

export async function toClientDto(doc: ClientDoc): Promise<Client> {
  const [client] = await toClientDtos([doc]);
  return client as Client;
}

export async function getClientDoc(id: string): Promise<ClientDoc> {
  const doc = mongoose.isValidObjectId(id) ? await ClientModel.findById(id).lean<ClientDoc>() : null;
  if (!doc) throw notFound('Client');
  return doc;
}

export async function getClient(id: string): Promise<Client> {
  return toClientDto(await getClientDoc(id));
}

/** The e-mail and phone an order brought that its existing client did not have. */
export type NewContacts = { email: string | null; phone: NormalisedPhone | null };

export type MatchedClient = { client: ClientDoc; created: boolean; newContacts: NewContacts };

/**
 * The client an incoming order belongs to: the one with this phone, else with this e-mail, else
 * a new one with the order's contacts. A matched client learns a new e-mail or phone only when
 * staff typed the order (`confirmed`); from the shop website anyone can type anyone's phone next
 * to their own e-mail, so there the new contacts are only returned, for the order to keep and
 * staff to confirm (addPendingContacts). Two first orders from the same new customer in the same
 * instant may still create two clients (no unique key fits optional, multi-valued contacts on
 * FerretDB); staff can merge by hand.
 */
export async function matchOrCreateClient(
  input: ClientInput,
  { confirmed }: { confirmed: boolean },
): Promise<MatchedClient> {
  const phone = input.phone ? normalisePhone(input.phone, input.address?.country) : null;
  const email = input.email ?? null;
  let existing: ClientDoc | null = null;
  if (phone) existing = await ClientModel.findOne({ 'phones.number': phone.number }).lean<ClientDoc>();
  if (!existing && email) existing = await ClientModel.findOne({ emails: email }).lean<ClientDoc>();

  if (!existing) {
    const doc = await ClientModel.create({
      name: input.name,
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
      address: input.address ?? {},
      timezone: input.timezone ?? (phone ? inferTimeZone([phone]) : null),
    });
    return { client: doc.toObject() as ClientDoc, created: true, newContacts: { email: null, phone: null } };
  }

  const newContacts: NewContacts = {
    email: email && !existing.emails.includes(email) ? email : null,
    phone: phone && !existing.phones.some((p) => p.number === phone.number) ? phone : null,
  };
  const update: Record<string, unknown> = {};
  const push: Record<string, unknown> = {};
  if (confirmed && newContacts.email) push.emails = newContacts.email;
  if (confirmed && newContacts.phone) push.phones = newContacts.phone;
  if (!existing.timezone) {
    // An unconfirmed phone says nothing reliable about where the client lives.
    const trustedPhone = phone && (confirmed || !newContacts.phone) ? phone : null;
    const zone = input.timezone ?? (trustedPhone ? inferTimeZone([trustedPhone]) : null);
    if (zone) update.timezone = zone;
  }
  if (input.address && Object.keys(cleanAddress(existing.address)).length === 0) update.address = input.address;
  const contactsLeft = confirmed ? { email: null, phone: null } : newContacts;
  if (Object.keys(update).length === 0 && Object.keys(push).length === 0) {
    return { client: existing, created: false, newContacts: contactsLeft };
  }
  const updated = await ClientModel.findByIdAndUpdate(
    existing._id,
    { ...(Object.keys(update).length ? { $set: update } : {}), ...(Object.keys(push).length ? { $push: push } : {}) },
    { returnDocument: 'after' },
  ).lean<ClientDoc>();
  return { client: updated ?? existing, created: false, newContacts: contactsLeft };
}

/**
 * Offers a website order's new contacts on the client page until staff confirm or dismiss them.
 * A value already waiting keeps its first entry (each order still keeps its own copy).
 */
export async function addPendingContacts(
  clientId: mongoose.Types.ObjectId,
  order: { id: string; number: number },
  contacts: NewContacts,
): Promise<void> {
  const entries = [
    ...(contacts.email ? [{ kind: 'email', value: contacts.email, display: contacts.email, country: null }] : []),
    ...(contacts.phone ? [{ kind: 'phone', value: contacts.phone.number, ...contacts.phone }] : []),
  ];
  for (const { kind, value, display, country } of entries) {
    const entry = {
      kind,
      value,
      display,
      country,
      orderId: order.id,
      orderNumber: order.number,
      receivedAt: clock.now(),
    };
    await updateByIdIf(
      ClientModel,
      String(clientId),
      {
        filter: { 'pendingContacts.value': { $ne: value } },
        holds: (doc: ClientDoc) => !(doc.pendingContacts ?? []).some((p) => p.value === value),
        fields: 'pendingContacts.value',
      },
      { $push: { pendingContacts: entry } },
    );
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Ids of clients whose name or e-mail contains the text, or whose phone contains its digits.
 * Digits are compared without leading zeros so "0034 600…", "+34 600…" and "600 11 22 33" all
 * find +34600112233.
 */
export async function findClientIdsByText(q: string, limit = 500): Promise<mongoose.Types.ObjectId[]> {
  const docs = await ClientModel.find(clientSearchFilter(q), { _id: 1 })
    .limit(limit)
    .lean<{ _id: mongoose.Types.ObjectId }[]>();
  return docs.map((d) => d._id);
}

function clientSearchFilter(q: string | undefined): Record<string, unknown> {
  if (!q) return {};
  const text = escapeRegex(q);
  const or: Record<string, unknown>[] = [
    { name: { $regex: text, $options: 'i' } },
    { emails: { $regex: text, $options: 'i' } },
  ];
  const digits = q.replace(/\D/g, '').replace(/^0+/, '');
  if (digits.length >= 5 && /^[\d\s()+.\-/]+$/.test(q)) or.push({ 'phones.number': { $regex: digits } });
  return { $or: or };
}

export async function listClients(query: { q?: string; page: number; limit: number }): Promise<Page<Client>> {
  const filter = clientSearchFilter(query.q);
  const [docs, total] = await Promise.all([
    ClientModel.find(filter)
      .sort({ name: 1, _id: 1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<ClientDoc[]>(),
    ClientModel.countDocuments(filter),
  ]);
  return { items: await toClientDtos(docs), total, page: query.page, limit: query.limit };
}

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
async function announcePhoneFix(before: ClientDoc, after: ClientDoc, actor: Actor): Promise<void> {
  const callable = (c: ClientDoc) => new Set(c.phones.filter((p) => !p.invalid).map((p) => p.number));
  const had = callable(before);
  if ([...callable(after)].some((n) => !had.has(n))) {
    await emitDomainEvent('client.phoneFixed', { clientId: String(after._id), actor });
  }
}

type PendingContactDoc = ClientDoc['pendingContacts'][number];
type Update = { $set?: Record<string, unknown> } & Record<string, unknown>;

const pendingContactAttempts = 5;

/**
 * Takes one pending contact off the client, together with the rest of the update `change` makes
 * from the client as read; a confirm and a dismiss racing apply once, the loser gets 404. The list
 * is rewritten whole (FerretDB's $pull removes only whole equal values) under a guard on its ids,
 * so a contact arriving meanwhile is not lost: the write is then retried on a fresh read.
 */
async function takePendingContact(
  clientId: string,
  contactId: string,
  change: (client: ClientDoc, pending: PendingContactDoc) => Update = () => ({}),
): Promise<ClientDoc> {
  for (let attempt = 0; attempt < pendingContactAttempts; attempt++) {
    const client = await getClientDoc(clientId);
    const list = client.pendingContacts ?? [];
    const pending = list.find((p) => String(p._id) === contactId);
    if (!pending) throw notFound('Pending contact');
    const ids = list.map((p) => String(p._id));
    const guard = {
      filter: { pendingContacts: { $size: list.length }, 'pendingContacts._id': { $all: list.map((p) => p._id) } },
      holds: (doc: ClientDoc) => {
        const now = (doc.pendingContacts ?? []).map((p) => String(p._id));
        return now.length === ids.length && now.every((id, i) => id === ids[i]);
      },
      fields: 'pendingContacts._id',
    };
    const update = change(client, pending);
    const $set = { ...update.$set, pendingContacts: list.filter((p) => p !== pending) };
    if (await updateByIdIf(ClientModel, clientId, guard, { ...update, $set })) return client;
  }
  throw conflict('The client changed while this was being saved; please try again');
}

/**
 * Staff confirm a contact a website order brought: it becomes the client's, as if typed into the
 * client (a working phone for a client whose number was invalid puts the order back in the queue).
 */
export async function confirmPendingContact(clientId: string, contactId: string, user: SessionUser): Promise<Client> {
  const before = await takePendingContact(clientId, contactId, (client, pending): Update => {
    if (pending.kind === 'email') return { $addToSet: { emails: pending.value } };
    if (client.phones.some((p) => p.number === pending.value)) return {};
    const phone = { number: pending.value, display: pending.display, country: pending.country ?? null };
    const zone = client.timezone ? null : inferTimeZone([phone]);
    return {
      $push: { phones: { ...phone, invalid: false, invalidAt: null } },
      ...(zone ? { $set: { timezone: zone } } : {}),
    };
  });
  const doc = await getClientDoc(clientId);
  await announcePhoneFix(before, doc, userActor(user));
  return toClientDto(doc);
}

/** Staff dismiss a contact a website order brought; the order keeps its own copy (see prepareLetter). */
export async function dismissPendingContact(clientId: string, contactId: string): Promise<void> {
  await takePendingContact(clientId, contactId);
}

export async function addClientNote(clientId: string, text: string, by: Actor): Promise<ClientNote> {
  await getClientDoc(clientId);
  const note = await ClientNoteModel.create({ clientId, text, at: clock.now(), by });
  return toNote(note.toObject() as ClientNoteDoc);
}

export async function deleteClientNote(clientId: string, noteId: string): Promise<void> {
  const res = await ClientNoteModel.deleteOne({ _id: noteId, clientId });
  if (res.deletedCount === 0) throw notFound('Client note');
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
