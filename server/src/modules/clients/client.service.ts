import mongoose from 'mongoose';
import type { Address, Client, ClientNote, ClientPhone, PendingContact } from '@callboard/shared';
import { notFound } from '../../lib/errors.js';
import { userNames } from '../users/index.js';
import { clientMirror, type ClientDoc } from './client.model.js';
import { clientNoteMirror, type ClientNoteDoc } from './client-note.model.js';

export function toPhone(p: ClientDoc['phones'][number]): ClientPhone {
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

export function toNote(n: ClientNoteDoc): ClientNote {
  return { id: String(n._id), text: n.text, at: n.at.toISOString(), by: { id: n.by.id ?? null, name: n.by.name } };
}

export function cleanAddress(address: ClientDoc['address'] | undefined): Address {
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
    ids.length ? clientNoteMirror.find({ clientId: { $in: ids }, deletedAt: null }, { sort: { at: -1 } }) : [],
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
  const doc = await findClientDoc(id);
  if (!doc) throw notFound('Client');
  return doc;
}

export async function getClient(id: string): Promise<Client> {
  return toClientDto(await getClientDoc(id));
}

/** What picking from the queue reads of a client: its zone, and whether a phone may be called. */
export const pickingFields = { timezone: 1, 'phones.invalid': 1 } as const;

/** The clients with these ids (those that exist), as stored: whole, or only `pickingFields`. */
export async function findClientDocs(ids: Iterable<string>, fields?: typeof pickingFields): Promise<ClientDoc[]> {
  const unique = [...new Set([...ids].filter((id) => mongoose.isValidObjectId(id)))];
  if (unique.length === 0) return [];
  return clientMirror.find({ _id: { $in: unique } }, { projection: fields });
}

/** The client with this id as stored, or null. */
export async function findClientDoc(id: string): Promise<ClientDoc | null> {
  return clientMirror.findById(id);
}

/** Names of several clients at once, for lists that show whose order it is. */
export async function clientNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id) => mongoose.isValidObjectId(id)))];
  if (unique.length === 0) return new Map();
  const docs = await clientMirror.find({ _id: { $in: unique } }, { projection: { name: 1 } });
  return new Map(docs.map((d) => [String(d._id), d.name]));
}
