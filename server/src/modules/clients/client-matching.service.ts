import type mongoose from 'mongoose';
import type { ClientInput } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { updateByIdIf } from '../../db/guarded-update.js';
import { ClientModel, clientMirror, type ClientDoc } from './client.model.js';
import { cleanAddress } from './client.service.js';
import { inferTimeZone, normalisePhone, type NormalisedPhone } from './client-phones.js';

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
  if (phone) existing = await clientMirror.findOne({ 'phones.number': phone.number });
  if (!existing && email) existing = await clientMirror.findOne({ emails: email });

  if (!existing) {
    const doc = await ClientModel.create({
      name: input.name,
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
      address: input.address ?? {},
      timezone: input.timezone ?? (phone ? inferTimeZone([phone]) : null),
    });
    return { client: doc.toObject<ClientDoc>(), created: true, newContacts: { email: null, phone: null } };
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
