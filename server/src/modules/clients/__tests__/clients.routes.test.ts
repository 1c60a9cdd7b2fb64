import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Client } from '@callboard/shared';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { ClientModel } from '../client.model.js';
import { ClientNoteModel } from '../client-note.model.js';
import { markPhoneInvalid, matchOrCreateClient, normalisePhone, timeZoneForCountry } from '../index.js';
import { createOrder } from '../../orders/index.js';
import { OrderModel } from '../../orders/order.model.js';

const ctx = useTestApp();

async function client(name: string, extra: { email?: string; phone?: string } = {}) {
  return (await matchOrCreateClient({ name, ...extra }, { confirmed: true })).client;
}

describe('normalisePhone', () => {
  it('gives E.164, a readable form and the country, reading 00 as the international prefix', () => {
    expect(normalisePhone('0034 600 11 22 33')).toEqual({
      number: '+34600112233',
      display: '+34 600 11 22 33',
      country: 'ES',
    });
    expect(normalisePhone('07700 900123', 'GB').number).toBe('+447700900123');
    expect(normalisePhone('+52 55 1234 5678').country).toBe('MX');
  });

  it('keeps what cannot be parsed as typed digits', () => {
    expect(normalisePhone('12 34')).toEqual({ number: '1234', display: '12 34', country: null });
  });
});

describe('timeZoneForCountry', () => {
  it('knows single-time countries only', () => {
    expect(timeZoneForCountry('DK')).toBe('Europe/Copenhagen');
    expect(timeZoneForCountry('GB')).toBe('Europe/London');
    expect(timeZoneForCountry('ES')).toBeNull();
    expect(timeZoneForCountry('US')).toBeNull();
    expect(timeZoneForCountry(null)).toBeNull();
  });
});

describe('GET /api/clients', () => {
  it('searches by name, e-mail and phone digits in any format, paged', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const c = await client('Álvaro Domínguez Zubiri', { email: 'alvaro.dz@example.es', phone: '+34 622 33 44 55' });
    await client('Someone Else', { email: 'else@example.es' });
    const ids = async (q: string) =>
      (await agent.get(`/api/clients?q=${encodeURIComponent(q)}`)).body.items.map((x: Client) => x.id);
    expect(await ids('zubiri')).toEqual([String(c._id)]);
    expect(await ids('ALVARO.DZ@')).toEqual([String(c._id)]);
    expect(await ids('0034622334455')).toEqual([String(c._id)]);
    expect(await ids('+34 622 33 44 55')).toEqual([String(c._id)]);
    expect(await ids('622 33 44 55')).toEqual([String(c._id)]);
    expect(await ids('.*')).toEqual([]);
    const page = await agent.get('/api/clients?limit=1&page=2');
    expect(page.body).toMatchObject({ page: 2, limit: 1 });
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect(page.body.items).toHaveLength(1);
  });

  it('refuses injection and bad paging with 400 and answers 401 without a session', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/clients?q[$regex]=.')).status).toBe(400);
    expect((await agent.get('/api/clients?limit=201')).status).toBe(400);
    expect((await agent.get('/api/clients?page=0')).status).toBe(400);
    expect((await request(ctx.app).get('/api/clients')).status).toBe(401);
  });
});

describe('GET /api/clients/:id', () => {
  it('returns the client with the manager name and notes', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const c = await client('Freja Andersen', { phone: '+45 40 11 22 33' });
    await ClientModel.updateOne({ _id: c._id }, { $set: { managerId: user.id } });
    await agent.post(`/api/clients/${c._id}/notes`).send({ text: 'Call after 17:00' });
    const res = await agent.get(`/api/clients/${c._id}`);
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({
      name: 'Freja Andersen',
      timezone: 'Europe/Copenhagen',
      managerId: user.id,
      managerName: user.name,
      phones: [{ number: '+4540112233', display: '+45 40 11 22 33', country: 'DK', invalid: false }],
      notes: [{ text: 'Call after 17:00', by: { id: user.id, name: user.name } }],
    });
  });

  it('answers 404 for an unknown client', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/clients/0123456789abcdef01234567')).status).toBe(404);
  });
});

describe('PATCH /api/clients/:id', () => {
  it('changes contacts, normalises phones, infers the zone and assigns a manager', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const c = await client('James Wilson');
    const res = await agent.patch(`/api/clients/${c._id}`).send({
      name: 'James T. Wilson',
      emails: ['JAMES@example.co.uk', 'james@example.co.uk'],
      phones: [{ number: '+44 7400 654321' }],
      address: { line1: '12 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'gb' },
      managerId: user.id,
      tags: ['vip'],
    });
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({
      name: 'James T. Wilson',
      emails: ['james@example.co.uk'],
      phones: [{ number: '+447400654321', country: 'GB', invalid: false }],
      address: { city: 'London', country: 'GB' },
      timezone: 'Europe/London',
      managerName: user.name,
      tags: ['vip'],
    });
    expect((await ClientModel.findById(c._id).lean())?.name).toBe('James T. Wilson');
  });

  it('lets only admins or holders of clients.autopay switch auto-payments', async () => {
    const c = await client('Autopay Person');
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    const refused = await manager.patch(`/api/clients/${c._id}`).send({ autoPayments: true, name: 'Changed' });
    expect(refused.status).toBe(403);
    expect(await ClientModel.findById(c._id).lean()).toMatchObject({ autoPayments: false, name: 'Autopay Person' });
    const { agent: trusted } = await signedInAgent(ctx, 'manager', { rights: ['clients.autopay'] });
    expect((await trusted.patch(`/api/clients/${c._id}`).send({ autoPayments: true })).body.client.autoPayments).toBe(
      true,
    );
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    expect((await admin.patch(`/api/clients/${c._id}`).send({ autoPayments: false })).body.client.autoPayments).toBe(
      false,
    );
  });

  it('refuses an unknown manager, injection and unknown clients', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const c = await client('Refused Edits');
    expect((await agent.patch(`/api/clients/${c._id}`).send({ managerId: '0123456789abcdef01234567' })).status).toBe(
      400,
    );
    expect((await agent.patch(`/api/clients/${c._id}`).send({ emails: { $gt: '' } })).status).toBe(400);
    expect((await agent.patch(`/api/clients/${c._id}`).send({ email: { $gt: '' } })).status).toBe(400);
    expect((await agent.patch(`/api/clients/${c._id}`).send({ timezone: 'Mars/Olympus' })).status).toBe(400);
    expect((await agent.patch('/api/clients/0123456789abcdef01234567').send({ name: 'x' })).status).toBe(404);
    expect((await ClientModel.findById(c._id).lean())?.managerId).toBeNull();
  });
});

describe('POST and DELETE /api/clients/:id/notes', () => {
  it('adds a staff note with its author and deletes it (kept as deleted)', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const c = await client('Noted Client');
    const add = await agent.post(`/api/clients/${c._id}/notes`).send({ text: 'Allergic to gluten' });
    expect(add.status).toBe(201);
    expect(add.body.note).toMatchObject({
      text: 'Allergic to gluten',
      by: { id: user.id, name: user.name },
      at: expect.any(String),
    });
    expect(await ClientNoteModel.countDocuments({ clientId: c._id })).toBe(1);
    const del = await agent.delete(`/api/clients/${c._id}/notes/${add.body.note.id}`);
    expect(del.status).toBe(204);
    expect(await ClientNoteModel.countDocuments({ clientId: c._id, deletedAt: null })).toBe(0);
    expect((await agent.delete(`/api/clients/${c._id}/notes/${add.body.note.id}`)).status).toBe(404);
  });

  it('refuses empty or injected text, unknown clients and anonymous callers', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const c = await client('Unnoted Client');
    expect((await agent.post(`/api/clients/${c._id}/notes`).send({ text: '  ' })).status).toBe(400);
    expect((await agent.post(`/api/clients/${c._id}/notes`).send({ text: { $gt: '' } })).status).toBe(400);
    expect((await agent.post('/api/clients/0123456789abcdef01234567/notes').send({ text: 'x' })).status).toBe(404);
    expect((await agent.delete(`/api/clients/${c._id}/notes/bad`)).status).toBe(400);
    expect((await request(ctx.app).post(`/api/clients/${c._id}/notes`).send({ text: 'x' })).status).toBe(401);
    expect(await ClientNoteModel.countDocuments({ clientId: c._id })).toBe(0);
  });
});

describe('markPhoneInvalid', () => {
  it('marks the called number invalid, whatever format it is given in', async () => {
    const c = await client('Invalid Phone', { phone: '+34 655 44 33 22' });
    const by = { type: 'user' as const, id: null, name: 'Manager' };
    expect(await markPhoneInvalid(String(c._id), '0034655443322', by)).toBe(true);
    const stored = await ClientModel.findById(c._id).lean();
    expect(stored?.phones[0]).toMatchObject({ invalid: true, invalidAt: expect.any(Date) });
    expect(await markPhoneInvalid(String(c._id), '+34 699 00 00 00', by)).toBe(false);
  });
});

describe('pending contacts from website orders', () => {
  const shop = { type: 'intake' as const, id: null, name: 'Shop website' };
  const item = { name: 'Course', quantity: 1, unitPrice: 10 };
  const websiteOrder = (c: { name: string; phone?: string; email?: string }) =>
    createOrder({ client: c, items: [item], currency: 'EUR' }, shop, null);

  it('lists them on the client, and confirming one makes it a contact its letters go to', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const first = await websiteOrder({ name: 'Pending Pia', phone: '+34 611 00 00 01' });
    const second = await websiteOrder({ name: 'Pending Pia', phone: '+34611000001', email: 'pia@example.es' });
    const shown = await agent.get(`/api/clients/${first.clientId}`);
    expect(shown.body.client.emails).toEqual([]);
    expect(shown.body.client.pendingContacts).toEqual([
      {
        id: expect.any(String),
        kind: 'email',
        value: 'pia@example.es',
        display: 'pia@example.es',
        orderId: second.id,
        orderNumber: second.number,
        receivedAt: expect.any(String),
      },
    ]);
    const contactId = shown.body.client.pendingContacts[0].id;

    const confirmed = await agent.post(`/api/clients/${first.clientId}/pending-contacts/${contactId}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.client.emails).toEqual(['pia@example.es']);
    expect(confirmed.body.client.pendingContacts).toEqual([]);
    const stored = await ClientModel.findById(first.clientId).lean();
    expect(stored?.emails).toEqual(['pia@example.es']);
    expect(stored?.pendingContacts).toEqual([]);
    expect((await agent.post(`/api/clients/${first.clientId}/pending-contacts/${contactId}/confirm`)).status).toBe(404);

    // Confirmed, it is the client's address for every order, the first one too.
    const letter = await agent
      .post(`/api/orders/${first.id}/calls`)
      .send({ outcome: 'completed', letter: { subject: 'Order <$order_number>', html: '<p>Hello</p>' } });
    expect(letter.status).toBe(201);
    const letters = await agent.get(`/api/letters?orderId=${first.id}`);
    expect(letters.body.items.map((l: { to: string }) => l.to)).toEqual(['pia@example.es']);
  });

  it('dismissing one leaves the client as it was and the order keeps its copy', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const first = await websiteOrder({ name: 'Dismissed Dan', email: 'dan@example.es' });
    const second = await websiteOrder({ name: 'Dismissed Dan', email: 'dan@example.es', phone: '+34 611 00 00 02' });
    const pending = (await ClientModel.findById(first.clientId).lean())?.pendingContacts ?? [];
    expect(pending.map((p) => [p.kind, p.value])).toEqual([['phone', '+34611000002']]);
    const contactId = String(pending[0]?._id);

    const res = await agent.delete(`/api/clients/${first.clientId}/pending-contacts/${contactId}`);
    expect(res.status).toBe(204);
    const stored = await ClientModel.findById(first.clientId).lean();
    expect(stored?.phones).toEqual([]);
    expect(stored?.emails).toEqual(['dan@example.es']);
    expect(stored?.pendingContacts).toEqual([]);
    expect((await OrderModel.findById(second.id).lean())?.contact).toEqual({ email: null, phone: '+34611000002' });
    expect((await agent.delete(`/api/clients/${first.clientId}/pending-contacts/${contactId}`)).status).toBe(404);
  });

  it('confirming a working phone for a client whose number was invalid puts the order back in the queue', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await websiteOrder({ name: 'Wrong Number', email: 'wrong@example.es', phone: '+34 611 00 00 03' });
    expect((await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'invalid_contact' })).status).toBe(201);
    expect((await OrderModel.findById(order.id).lean())?.call.state).toBe('closed');

    await websiteOrder({ name: 'Wrong Number', email: 'wrong@example.es', phone: '+34 611 00 00 04' });
    expect((await OrderModel.findById(order.id).lean())?.call.state).toBe('closed');
    const contactId = String((await ClientModel.findById(order.clientId).lean())?.pendingContacts[0]?._id);
    const res = await agent.post(`/api/clients/${order.clientId}/pending-contacts/${contactId}/confirm`);
    expect(res.status).toBe(200);
    expect(res.body.client.phones).toEqual([
      { number: '+34611000003', display: '+34 611 00 00 03', country: 'ES', invalid: true },
      { number: '+34611000004', display: '+34 611 00 00 04', country: 'ES', invalid: false },
    ]);
    expect((await OrderModel.findById(order.id).lean())?.call.state).toBe('due');
    const history = (await agent.get(`/api/orders/${order.id}/timeline`)).body.items as { text?: string }[];
    expect(history.filter((i) => /phone was fixed/.test(i.text ?? ''))).toHaveLength(1);
  });

  it('refuses anonymous callers, bad ids and unknown contacts, and is in the OpenAPI document', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const c = await client('No Pending');
    const unknown = '0123456789abcdef01234567';
    expect((await agent.post(`/api/clients/${c._id}/pending-contacts/${unknown}/confirm`)).status).toBe(404);
    expect((await agent.delete(`/api/clients/${c._id}/pending-contacts/${unknown}`)).status).toBe(404);
    expect((await agent.delete(`/api/clients/${c._id}/pending-contacts/nope`)).status).toBe(400);
    expect((await request(ctx.app).post(`/api/clients/${c._id}/pending-contacts/${unknown}/confirm`)).status).toBe(401);
    const paths = (await request(ctx.app).get('/api/openapi.json')).body.paths;
    expect(Object.keys(paths['/api/clients/{id}/pending-contacts/{contactId}/confirm'])).toEqual(['post']);
    expect(Object.keys(paths['/api/clients/{id}/pending-contacts/{contactId}'])).toEqual(['delete']);
  });
});
