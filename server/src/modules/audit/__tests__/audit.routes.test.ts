import { beforeAll, describe, expect, it } from '@jest/globals';
import { defaultSettings, type AuditEntry } from '@callboard/shared';
import { setClock } from '../../../lib/clock.js';
import { signedInAgent, testPassword, useTestApp } from '../../../test/test-app.js';

const ctx = useTestApp();

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];
let admin: Agent;
let adminId: string;
let adminName: string;
let templateId: string;
let managerId: string;

function at(iso: string): void {
  setClock(() => new Date(iso));
}

async function audit(agent: Agent, query: Record<string, string | number>) {
  const res = await agent.get('/api/audit').query(query);
  expect(res.status).toBe(200);
  return res.body as { items: AuditEntry[]; total: number; page: number; limit: number };
}

// One admin's morning, each change at its own minute, read back through the filters below.
beforeAll(async () => {
  at('2026-03-02T08:00:00.000Z');
  const signedIn = await signedInAgent(ctx, 'admin', { name: 'Ada Admin' });
  admin = signedIn.agent;
  adminId = signedIn.user.id;
  adminName = signedIn.user.name;

  at('2026-03-02T09:00:00.000Z');
  expect(
    (
      await admin.patch('/api/settings').send({
        companyName: 'Tienda Uno',
        statusEmails: { ...defaultSettings.statusEmails, paid: { notifyClient: false, templateId: null } },
        claimMinutes: 10,
      })
    ).status,
  ).toBe(200);

  at('2026-03-02T10:00:00.000Z');
  const created = await admin
    .post('/api/templates')
    .send({ name: 'Welcome', subject: 'Hello', html: '<p>Hi <$name></p>', locale: 'en' });
  expect(created.status).toBe(201);
  templateId = created.body.template.id;

  at('2026-03-02T10:30:00.000Z');
  const edited = await admin
    .patch(`/api/templates/${templateId}`)
    .send({ name: 'Welcome letter', html: '<p>Hi <strong><$name></strong></p>' });
  expect(edited.status).toBe(200);

  at('2026-03-02T11:00:00.000Z');
  const manager = await admin
    .post('/api/users')
    .send({ email: 'mia@test.local', name: 'Mia Manager', password: testPassword, role: 'manager' });
  expect(manager.status).toBe(201);
  managerId = manager.body.user.id;

  at('2026-03-02T11:30:00.000Z');
  const rights = await admin
    .patch(`/api/users/${managerId}`)
    .send({ rights: ['orders.edit', 'reports.view'], password: 'a new password 123' });
  expect(rights.status).toBe(200);
});

describe('GET /api/audit', () => {
  it('records a settings change field by field, before → after, by the signed-in admin', async () => {
    const body = await audit(admin, { objectType: 'settings' });
    expect(body).toEqual({
      items: [
        {
          id: expect.any(String),
          at: '2026-03-02T09:00:00.000Z',
          by: { type: 'user', id: adminId, name: adminName },
          objectType: 'settings',
          objectId: 'global',
          action: 'updated',
          changes: {
            companyName: { from: 'Callboard Shop', to: 'Tienda Uno' },
            'statusEmails.paid.notifyClient': { from: true, to: false },
          },
        },
      ],
      total: 1,
      page: 1,
      limit: 50,
    });
  });

  it('records a template created then edited, newest first, with only the edited fields', async () => {
    const body = await audit(admin, { objectType: 'template', objectId: templateId });
    expect(body.total).toBe(2);
    expect(body.items.map((e) => [e.at, e.action])).toEqual([
      ['2026-03-02T10:30:00.000Z', 'updated'],
      ['2026-03-02T10:00:00.000Z', 'created'],
    ]);
    expect(body.items[0]!.changes).toEqual({
      name: { from: 'Welcome', to: 'Welcome letter' },
      // As stored: the sanitiser writes the placeholder's brackets as entities.
      html: { from: '<p>Hi &lt;$name&gt;</p>', to: '<p>Hi <strong>&lt;$name&gt;</strong></p>' },
    });
    expect(body.items[1]!.changes).toEqual({
      name: { from: null, to: 'Welcome' },
      subject: { from: null, to: 'Hello' },
      html: { from: null, to: '<p>Hi &lt;$name&gt;</p>' },
      locale: { from: null, to: 'en' },
    });
  });

  it('records a template deletion with what it held', async () => {
    at('2026-03-02T12:00:00.000Z');
    const doomed = await admin
      .post('/api/templates')
      .send({ name: 'Old', subject: 'Old subject', html: '<p>old</p>', locale: 'es' });
    at('2026-03-02T12:01:00.000Z');
    expect((await admin.delete(`/api/templates/${doomed.body.template.id}`)).status).toBe(204);
    const body = await audit(admin, { objectId: doomed.body.template.id });
    expect(body.items.map((e) => e.action)).toEqual(['deleted', 'created']);
    expect(body.items[0]!.changes).toEqual({
      name: { from: 'Old', to: null },
      subject: { from: 'Old subject', to: null },
      html: { from: '<p>old</p>', to: null },
      locale: { from: 'es', to: null },
    });
  });

  it("records a user's rights change, and a password change only as changed", async () => {
    const body = await audit(admin, { objectType: 'user', objectId: managerId });
    expect(body.items.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(body.items[0]!.changes).toEqual({
      rights: { from: [], to: ['orders.edit', 'reports.view'] },
      password: { from: null, to: 'changed' },
    });
    expect(body.items[1]!.changes).toEqual({
      email: { from: null, to: 'mia@test.local' },
      name: { from: null, to: 'Mia Manager' },
      role: { from: null, to: 'manager' },
      rights: { from: null, to: [] },
      disabled: { from: null, to: false },
    });
    const raw = JSON.stringify(body);
    expect(raw).not.toContain('a new password 123');
    expect(raw).not.toContain(testPassword);
    expect(raw).not.toMatch(/scrypt|passwordHash/);
  });

  it('filters by person, by the system actors, and by a time range (from inclusive, to exclusive)', async () => {
    const byAdmin = await audit(admin, { actorId: adminId, to: '2026-03-02T12:00:00.000Z' });
    expect(byAdmin.items.map((e) => `${e.objectType}:${e.action}`)).toEqual([
      'user:updated',
      'user:created',
      'template:updated',
      'template:created',
      'settings:updated',
    ]);
    // The admin the test signed in as was made by the system, not by a person.
    const bySystem = await audit(admin, { actorType: 'scheduler' });
    expect(bySystem.items.map((e) => [e.objectId, e.action])).toEqual([[adminId, 'created']]);
    const morning = await audit(admin, { from: '2026-03-02T10:00:00.000Z', to: '2026-03-02T11:00:00.000Z' });
    expect(morning.items.map((e) => e.at)).toEqual(['2026-03-02T10:30:00.000Z', '2026-03-02T10:00:00.000Z']);
    expect((await audit(admin, { objectType: 'client' })).total).toBe(0);
  });

  it('pages newest first with the total of every match', async () => {
    const first = await audit(admin, { limit: 3, page: 1 });
    const second = await audit(admin, { limit: 3, page: 2 });
    expect(first.total).toBe(8);
    expect([first.page, first.limit, second.page]).toEqual([1, 3, 2]);
    expect([...first.items, ...second.items].map((e) => e.at)).toEqual([
      '2026-03-02T12:01:00.000Z',
      '2026-03-02T12:00:00.000Z',
      '2026-03-02T11:30:00.000Z',
      '2026-03-02T11:00:00.000Z',
      '2026-03-02T10:30:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ]);
  });

  it('answers 403 to managers, even with every right, and 400 to a bad filter', async () => {
    const { agent: manager } = await signedInAgent(ctx, 'manager', {
      rights: ['orders.edit', 'reports.view', 'settings.write', 'templates.write'],
    });
    const refused = await manager.get('/api/audit');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await manager.get('/api/audit/export.csv')).status).toBe(403);
    const bad = await admin.get('/api/audit').query({ objectType: 'invoice' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await admin.get('/api/audit').query({ actorId: { $ne: null } })).status).toBe(400);
  });
});

describe('GET /api/audit/export.csv', () => {
  it('streams the filtered entries newest first, a change per line, with would-be formulas neutralised', async () => {
    at('2026-03-03T07:00:00.000Z');
    const { agent: formulaAdmin, user } = await signedInAgent(ctx, 'admin', { name: '=SUM(1,2)' });
    at('2026-03-03T07:05:00.000Z');
    await formulaAdmin.patch('/api/settings').send({ companyName: '@Tienda', bankAccount: '+34 IBAN' });

    const res = await admin.get('/api/audit/export.csv').query({ objectType: 'settings' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-2026-03-03.csv"');
    expect(res.text).toBe(
      '\uFEFFat (UTC),actor kind,actor id,actor,object type,object id,action,changes\r\n' +
        `2026-03-03T07:05:00.000Z,user,${user.id},"'=SUM(1,2)",settings,global,updated,"companyName: Tienda Uno → @Tienda\nbankAccount: IBAN ES91 2100 0418 4502 0005 1332 (Callboard Shop S.L.) → +34 IBAN"\r\n` +
        `2026-03-02T09:00:00.000Z,user,${adminId},${adminName},settings,global,updated,"companyName: Callboard Shop → Tienda Uno\nstatusEmails.paid.notifyClient: true → false"\r\n`,
    );
  });

  it('answers with the header alone when nothing matches, and 400 to a bad filter', async () => {
    const empty = await admin.get('/api/audit/export.csv').query({ objectType: 'order' });
    expect(empty.status).toBe(200);
    expect(empty.text).toBe('\uFEFFat (UTC),actor kind,actor id,actor,object type,object id,action,changes\r\n');
    expect((await admin.get('/api/audit/export.csv').query({ from: 'yesterday' })).status).toBe(400);
  });
});
