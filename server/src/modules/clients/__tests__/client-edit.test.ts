import { describe, expect, it } from '@jest/globals';
import type { ClientListItem } from '@callboard/shared';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { auditEntriesOf } from '../../../test/audit-entries.js';
import { ClientModel } from '../client.model.js';
import { ClientNoteModel } from '../client-note.model.js';
import { matchOrCreateClient } from '../index.js';
import { createOrder } from '../../orders/index.js';

const ctx = useTestApp();

const staff = { type: 'user' as const, id: null, name: 'Staff' };

async function client(name: string, extra: { email?: string; phone?: string } = {}) {
  return (await matchOrCreateClient({ name, ...extra }, { confirmed: true })).client;
}

const auditOf = (id: unknown) => auditEntriesOf('client', String(id));

describe('PATCH /api/clients/:id phones', () => {
  it('refuses a new number that cannot be called, saying which one and why, and writes nothing', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const c = await client('Phone Checked', { phone: '+34 611 20 30 40' });
    const res = await agent
      .patch(`/api/clients/${c._id}`)
      .send({ name: 'Changed', phones: [{ number: '+34611203040' }, { number: '+34 61' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'body.phones.1.number', message: 'too_short' }]);
    const national = await agent.patch(`/api/clients/${c._id}`).send({ phones: [{ number: '611 20 30 41' }] });
    expect(national.body.error.details).toEqual([{ path: 'body.phones.0.number', message: 'needs_country' }]);
    expect(await ClientModel.findById(c._id).lean()).toMatchObject({ name: 'Phone Checked' });
    expect(await auditOf(c._id)).toEqual([]);
  });

  it('formats new numbers, reads national ones in the address country, keeps the order (first is primary) and the invalid marks', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const c = await client('Phone Order', { phone: '+34 611 20 30 42' });
    const res = await agent.patch(`/api/clients/${c._id}`).send({
      address: { country: 'ES' },
      phones: [{ number: '622 33 44 00' }, { number: '+34611203042', invalid: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body.client.phones).toEqual([
      { number: '+34622334400', display: '+34 622 33 44 00', country: 'ES', invalid: false },
      { number: '+34611203042', display: '+34 611 20 30 42', country: 'ES', invalid: true },
    ]);
  });
});

describe('the audit of client changes', () => {
  it('records an edit field by field, before and after, with who made it', async () => {
    const { agent, user } = await signedInAgent(ctx, 'admin');
    const c = await client('Audit Before', { phone: '+34 611 20 30 43', email: 'before@example.es' });
    const res = await agent.patch(`/api/clients/${c._id}`).send({
      name: 'Audit After',
      emails: ['before@example.es'],
      phones: [{ number: '+34611203043', invalid: true }],
      tags: ['vip'],
      autoPayments: true,
    });
    expect(res.status).toBe(200);
    const entries = await auditOf(c._id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'updated',
      by: { type: 'user', id: user.id, name: user.name },
      changes: {
        name: { from: 'Audit Before', to: 'Audit After' },
        phones: {
          from: [{ number: '+34 611 20 30 43', invalid: false }],
          to: [{ number: '+34 611 20 30 43', invalid: true }],
        },
        tags: { from: [], to: ['vip'] },
        autoPayments: { from: false, to: true },
      },
    });
    expect(Object.keys(entries[0]!.changes as object).sort()).toEqual(['autoPayments', 'name', 'phones', 'tags']);
    // Saving the same values again changes nothing and records nothing.
    await agent.patch(`/api/clients/${c._id}`).send({ name: 'Audit After', tags: ['vip'] });
    expect(await auditOf(c._id)).toHaveLength(1);
  });

  it('keeps a deleted note, hides it from the client and records its text', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const c = await client('Note Keeper');
    const note = (await agent.post(`/api/clients/${c._id}/notes`).send({ text: 'Prefers WhatsApp' })).body.note;
    expect((await agent.delete(`/api/clients/${c._id}/notes/${note.id}`)).status).toBe(204);
    expect((await agent.get(`/api/clients/${c._id}`)).body.client.notes).toEqual([]);
    const kept = await ClientNoteModel.findById(note.id).lean();
    expect(kept).toMatchObject({ text: 'Prefers WhatsApp', deletedBy: { id: user.id, name: user.name } });
    expect(kept?.deletedAt).toBeInstanceOf(Date);
    expect((await agent.delete(`/api/clients/${c._id}/notes/${note.id}`)).status).toBe(404);
    expect((await auditOf(c._id)).map((e) => [e.action, e.changes])).toEqual([
      ['note_added', { note: { from: null, to: 'Prefers WhatsApp' } }],
      ['note_deleted', { note: { from: 'Prefers WhatsApp', to: null } }],
    ]);
  });
});

describe('auto-payments', () => {
  it('is switched only by admins or holders of clients.autopay, and a manager may still edit the rest', async () => {
    const c = await client('Autopay Rights');
    const { agent: manager } = await signedInAgent(ctx, 'manager');
    expect((await manager.patch(`/api/clients/${c._id}`).send({ autoPayments: true })).status).toBe(403);
    expect((await manager.patch(`/api/clients/${c._id}`).send({ tags: ['b2b'] })).status).toBe(200);
    const { agent: trusted } = await signedInAgent(ctx, 'manager', { rights: ['clients.autopay'] });
    expect((await trusted.patch(`/api/clients/${c._id}`).send({ autoPayments: true })).status).toBe(200);
    expect(await ClientModel.findById(c._id).lean()).toMatchObject({ autoPayments: true, tags: ['b2b'] });
    expect((await auditOf(c._id)).map((e) => Object.keys(e.changes as object))).toEqual([['tags'], ['autoPayments']]);
  });
});

describe('GET /api/clients (the clients list)', () => {
  it('finds by name, e-mail and phone in any format, with exact totals, order counts and auto-payments', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const marker = `Qzx${Date.now()}`;
    const a = await client(`${marker} Amelia`, { email: `amelia.${marker}@example.es`, phone: '+34 633 71 72 73' });
    await client(`${marker} Bruno`, { email: `bruno.${marker}@example.es`, phone: '+34 633 71 72 74' });
    await client(`${marker} Carla`, { email: `carla.${marker}@example.es` });
    await ClientModel.updateOne({ _id: a._id }, { $set: { autoPayments: true } });
    const item = { name: 'Course', quantity: 1, unitPrice: 10 };
    const first = await createOrder(
      { client: { name: 'x', phone: '+34633717273' }, items: [item], currency: 'EUR' },
      staff,
      null,
    );
    const second = await createOrder(
      { client: { name: 'x', phone: '+34633717273' }, items: [item], currency: 'EUR' },
      staff,
      null,
    );

    const list = async (q: string, extra = '') =>
      (await agent.get(`/api/clients?q=${encodeURIComponent(q)}${extra}`)).body as {
        items: ClientListItem[];
        total: number;
      };
    const byName = await list(marker);
    expect(byName.total).toBe(3);
    expect(byName.items.map((c) => c.name)).toEqual([`${marker} Amelia`, `${marker} Bruno`, `${marker} Carla`]);
    expect(byName.items[0]).toEqual({
      id: String(a._id),
      name: `${marker} Amelia`,
      emails: [`amelia.${marker}@example.es`],
      phones: [{ number: '+34633717273', display: '+34 633 71 72 73', country: 'ES', invalid: false }],
      timezone: null,
      managerId: null,
      managerName: null,
      tags: [],
      autoPayments: true,
      createdAt: expect.any(String),
      orders: { count: 2, lastOrderId: second.id, lastOrderNumber: second.number, lastOrderAt: second.createdAt },
    });
    expect(first.number).toBeLessThan(second.number);
    expect(byName.items[2]?.orders).toEqual({ count: 0, lastOrderId: null, lastOrderNumber: null, lastOrderAt: null });

    const paged = await list(marker, '&limit=2&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect(paged.items.map((c) => c.name)).toEqual([`${marker} Carla`]);
    expect((await list(marker, '&limit=2')).total).toBe(3);

    for (const q of ['0034 633 71 72 73', '+34633717273', '633 71 72 73', '633-717-273'])
      expect((await list(q)).items.map((c) => c.id)).toEqual([String(a._id)]);
    expect((await list('633 71 72 7')).total).toBe(2);
    expect((await list(`BRUNO.${marker}@`)).items.map((c) => c.name)).toEqual([`${marker} Bruno`]);
    expect((await list('no such client at all')).total).toBe(0);
  });
});
