import { userActor, type Client, type SessionUser } from '@callboard/shared';
import { updateByIdIf } from '../../db/guarded-update.js';
import { conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/index.js';
import { ClientModel, type ClientDoc } from './client.model.js';
import { getClientDoc, toClientDto } from './client.service.js';
import { announceContactChange, auditClientChange } from './client-edit.service.js';
import { inferTimeZone } from './client-phones.js';

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
  const actor = userActor(user);
  await auditClientChange(before, doc, actor, 'contact_confirmed');
  await announceContactChange(before, doc, actor, false);
  return toClientDto(doc);
}

/** Staff dismiss a contact a website order brought; the order keeps its own copy (see prepareLetter). */
export async function dismissPendingContact(clientId: string, contactId: string, user: SessionUser): Promise<void> {
  const before = await takePendingContact(clientId, contactId);
  const dismissed = (before.pendingContacts ?? []).find((p) => String(p._id) === contactId);
  await recordAudit({
    by: userActor(user),
    objectType: 'client',
    objectId: clientId,
    action: 'contact_dismissed',
    changes: { pendingContact: { from: dismissed?.display ?? null, to: null } },
  });
}
