import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DateTime } from 'luxon';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { resetClock, setClock } from '../../../lib/clock.js';
import { seedDefaultTemplates } from '../../templates/template.service.js';
import { StatusLinkKeyModel, StatusLinkModel } from '../status-link.model.js';
import { hashToken } from '../status-link.service.js';

const ctx = useTestApp({ TRUST_PROXY: 'loopback', PUBLIC_URL: 'http://shop.example' });
type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];
let admin: Agent;
let managerId: string;

const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toJSDate();
let ipSeq = 0;
/** Each test counts against its own address, so one test's burst does not throttle the next. */
const newIp = () => `198.51.100.${(ipSeq += 1)}`;

async function makeOrder(): Promise<{ id: string; number: number }> {
  const res = await admin.post('/api/orders').send({
    client: {
      name: 'Lucía Fernández',
      email: 'lucia@example.es',
      phone: '+34 612 345 678',
      timezone: 'Europe/Madrid',
      address: { city: 'Madrid', country: 'ES' },
    },
    items: [
      { name: 'Yoga mat', quantity: 2, unitPrice: 20 },
      { name: 'Water bottle', quantity: 1, unitPrice: 9.5 },
    ],
    currency: 'EUR',
    paymentMethod: 'transfer',
  });
  expect(res.status).toBe(201);
  const id = res.body.order.id as string;
  expect((await admin.patch(`/api/orders/${id}`).send({ managerId })).status).toBe(200);
  return { id, number: res.body.order.number as number };
}

async function makeLink(orderId: string): Promise<string> {
  const res = await admin.post(`/api/orders/${orderId}/status-link`);
  expect(res.status).toBe(201);
  return res.body.token as string;
}

const page = (token: string, ip = newIp()) => request(ctx.app).get(`/s/${token}`).set('X-Forwarded-For', ip);
const json = (token: string, ip = newIp()) =>
  request(ctx.app).get(`/api/public/orders/${token}`).set('X-Forwarded-For', ip);
const formTokenIn = (html: string) => /name="form" value="([^"]+)"/.exec(html)![1]!;

beforeAll(async () => {
  await seedDefaultTemplates();
  ({ agent: admin } = await signedInAgent(ctx, 'admin'));
  managerId = (await signedInAgent(ctx, 'manager', { name: 'Marta Manager' })).user.id;
});
afterEach(() => resetClock());

describe('POST /api/orders/:id/status-link', () => {
  it('answers a 256-bit token and its URL, and stores only the token’s SHA-256', async () => {
    const order = await makeOrder();
    const res = await admin.post(`/api/orders/${order.id}/status-link`);
    expect(res.status).toBe(201);
    const token = res.body.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.url).toBe(`http://shop.example/s/${token}`);
    const link = await StatusLinkModel.findById(order.id).lean();
    expect(link!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const stored = JSON.stringify([link, await StatusLinkKeyModel.find({}).lean()]);
    expect(stored).not.toContain(token);
    expect((await admin.get(`/api/orders/${order.id}/status-link`)).body.link.url).toBe(res.body.url);
  });

  it('refuses a key whose link has moved on: the hash is compared with the order’s link, not just found', async () => {
    const order = await makeOrder();
    const old = await makeLink(order.id);
    await makeLink(order.id);
    // As if the replace had stopped before removing the old key.
    await StatusLinkKeyModel.create({ _id: hashToken(old), orderId: order.id });
    expect((await page(old)).status).toBe(404);
  });

  it('revokes: the old address answers 404 (page and JSON), and a new link replaces an old one', async () => {
    const order = await makeOrder();
    const first = await makeLink(order.id);
    const second = await makeLink(order.id);
    expect((await page(first)).status).toBe(404);
    expect((await page(second)).status).toBe(200);
    expect((await admin.delete(`/api/orders/${order.id}/status-link`)).status).toBe(204);
    const gone = await page(second);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('This link is not valid any more');
    expect((await json(second)).status).toBe(404);
    expect((await admin.get(`/api/orders/${order.id}/status-link`)).body).toEqual({ link: null });
  });

  it('answers a burst of wrong tokens with 429, then the address is refused even a right one', async () => {
    const order = await makeOrder();
    const token = await makeLink(order.id);
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await json(`wrong${i}`.padEnd(43, 'x'), ip)).status);
    expect(statuses).toEqual([...Array<number>(20).fill(404), 429]);
    expect((await page(token, ip)).status).toBe(429);
    expect((await page(token)).status).toBe(200);
  });
});

describe('the customer’s view', () => {
  it('shows the public note and none of the private note, staff, IP or ids, as JSON and as HTML', async () => {
    const order = await makeOrder();
    await admin
      .post(`/api/orders/${order.id}/notes`)
      .send({ text: 'Your parcel leaves on Monday', visibility: 'public' });
    await admin
      .post(`/api/orders/${order.id}/notes`)
      .send({ text: 'Customer was rude, be careful', visibility: 'private' });
    const token = await makeLink(order.id);

    const data = await json(token);
    expect(data.status).toBe(200);
    expect(data.headers['cache-control']).toBe('private, no-store');
    expect(data.body.order).toEqual({
      number: order.number,
      createdAt: expect.any(String),
      status: 'pending',
      items: [
        { name: 'Yoga mat', quantity: 2, unitPrice: 20, lineTotal: 40 },
        { name: 'Water bottle', quantity: 1, unitPrice: 9.5, lineTotal: 9.5 },
      ],
      total: 49.5,
      paid: 0,
      leftToPay: 49.5,
      currency: 'EUR',
      paymentInstructions: {
        bankAccount: 'IBAN ES91 2100 0418 4502 0005 1332 (Callboard Shop S.L.)',
        paymentLink: null,
        text: `Puede pagar por transferencia a IBAN ES91 2100 0418 4502 0005 1332 (Callboard Shop S.L.), indicando el pedido ${order.number}.`,
      },
    });
    expect(data.body.notes).toEqual([{ text: 'Your parcel leaves on Monday', at: expect.any(String) }]);

    const html = await page(token);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['cache-control']).toBe('private, no-store');
    expect(html.headers['referrer-policy']).toBe('same-origin');
    expect(html.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'nonce-[^']+';/);
    expect(html.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(html.text).toContain('<html lang="es">');
    expect(html.text).toContain('Your parcel leaves on Monday');
    expect(Buffer.byteLength(html.text)).toBeLessThan(30_000);
    for (const body of [JSON.stringify(data.body), html.text]) {
      expect(body).not.toContain('Customer was rude');
      expect(body).not.toContain('Marta Manager');
      expect(body).not.toContain(managerId);
      expect(body).not.toContain(order.id);
      expect(body).not.toMatch(/127\.0\.0\.1|::1|198\.51\.100/);
    }
    expect(html.text).not.toContain('<script');
    expect((await page(`${token}?lang=en`)).text).toContain(`Order ${order.number}`);
  });
});

describe('the customer’s actions', () => {
  it('refuses a callback outside the calling hours with a clear message, and books one inside them for the team', async () => {
    setClock(() => madrid('2026-05-04T10:00'));
    const order = await makeOrder();
    const token = await makeLink(order.id);
    const post = (at: Date) =>
      request(ctx.app)
        .post(`/api/public/orders/${token}/callback`)
        .set('X-Forwarded-For', newIp())
        .send({ at: at.toISOString() });
    const late = await post(madrid('2026-05-04T21:30'));
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe(
      'We call between 09:00 and 21:00 (Europe/Madrid time): please choose a time then',
    );
    const at = madrid('2026-05-05T11:00');
    expect((await post(at)).status).toBe(202);
    const { order: after } = (await admin.get(`/api/orders/${order.id}`)).body;
    expect(after.call).toMatchObject({ state: 'scheduled', nextCallAt: at.toISOString() });
    const timeline = (await admin.get(`/api/orders/${order.id}/timeline`)).body.items as Record<string, unknown>[];
    expect(timeline.filter((i) => i.by && (i.by as { type: string }).type === 'customer')).toEqual([
      expect.objectContaining({
        type: 'system',
        text: 'The customer asked to be called back at 2026-05-05 11:00 (Europe/Madrid)',
        by: { type: 'customer', id: null, name: 'Lucía Fernández (customer)' },
      }),
    ]);
    const audit = await admin.get(`/api/audit?objectType=order&objectId=${order.id}`);
    const actions = (audit.body.items as { action: string; by: { type: string } }[]).map(
      (e) => `${e.by.type}:${e.action}`,
    );
    expect(actions).toEqual(expect.arrayContaining(['customer:callback_booked', 'user:status_link_created']));
  });

  it('turns a message into a staff-only note and a task for the order’s manager', async () => {
    const order = await makeOrder();
    const token = await makeLink(order.id);
    const res = await request(ctx.app)
      .post(`/api/public/orders/${token}/message`)
      .set('X-Forwarded-For', newIp())
      .send({ text: 'Can you deliver after 6 pm?' });
    expect(res.status).toBe(202);
    const timeline = (await admin.get(`/api/orders/${order.id}/timeline`)).body.items as Record<string, unknown>[];
    expect(timeline.filter((i) => i.type === 'note')).toEqual([
      expect.objectContaining({
        text: 'Can you deliver after 6 pm?',
        visibility: 'private',
        by: expect.objectContaining({ type: 'customer' }),
      }),
    ]);
    const tasks = (await admin.get(`/api/tasks?assignee=${managerId}&orderId=${order.id}`)).body.items;
    expect(tasks).toEqual([
      expect.objectContaining({
        title: `Reply to the customer's message on order ${order.number}`,
        kind: 'other',
        assigneeId: managerId,
        done: false,
      }),
    ]);
    expect((await json(token)).body.notes).toEqual([]);
  });

  it('flags the order for a payment check on "I have paid", once', async () => {
    const order = await makeOrder();
    const token = await makeLink(order.id);
    for (let i = 0; i < 2; i += 1) {
      const res = await request(ctx.app).post(`/api/public/orders/${token}/paid`).set('X-Forwarded-For', newIp());
      expect(res.status).toBe(202);
    }
    expect((await admin.get(`/api/orders/${order.id}`)).body.order.paymentCheck).toBe(true);
    const timeline = (await admin.get(`/api/orders/${order.id}/timeline`)).body.items as { text?: string }[];
    expect(timeline.filter((i) => i.text?.startsWith('The customer says this order is already paid'))).toHaveLength(1);
  });
});

describe('the page’s forms', () => {
  it('posts with the page’s form token, refuses foreign origins and missing tokens, and ignores a filled honeypot', async () => {
    const order = await makeOrder();
    const token = await makeLink(order.id);
    const ip = newIp();
    const form = formTokenIn((await page(token, ip)).text);
    const post = (fields: Record<string, string>, origin = 'http://shop.example') =>
      request(ctx.app)
        .post(`/s/${token}/message`)
        .set('X-Forwarded-For', ip)
        .set('Origin', origin)
        .type('form')
        .send(fields);

    const foreign = await post({ form, text: 'Hi' }, 'https://evil.example');
    expect(foreign.status).toBe(403);
    const noToken = await post({ form: 'x.y', text: 'Hi' });
    expect(noToken.status).toBe(400);
    expect(noToken.text).toContain('Revise el formulario');
    const bot = await post({ form, text: 'Buy cheap pills', website: 'http://spam.example' });
    expect(bot.status).toBe(303);
    const ok = await post({ form, text: 'Llámenme por la tarde', lang: 'es' });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`/s/${token}?lang=es&done=message`);
    expect((await page(`${token}?lang=es&done=message`, ip)).text).toContain('hemos recibido su mensaje');
    const notes = ((await admin.get(`/api/orders/${order.id}/timeline`)).body.items as { type: string; text: string }[])
      .filter((i) => i.type === 'note')
      .map((i) => i.text);
    expect(notes).toEqual(['Llámenme por la tarde']);

    const slot = /<option value="([^"]+)">/.exec((await page(token, ip)).text)![1]!;
    const booked = await request(ctx.app)
      .post(`/s/${token}/callback`)
      .set('X-Forwarded-For', ip)
      .set('Origin', 'http://shop.example')
      .type('form')
      .send({ form, lang: 'es', website: '', at: slot });
    expect(booked.status).toBe(303);
    expect(booked.headers.location).toBe(`/s/${token}?lang=es&done=callback&at=${encodeURIComponent(slot)}`);
    expect((await page(`${token}?lang=es&done=callback&at=${encodeURIComponent(slot)}`, ip)).text).toContain(
      'Gracias: le llamaremos el',
    );
  });
});

describe('<$status_link> in letters', () => {
  it('makes the link on first use and puts the same link in the next letter', async () => {
    const order = await makeOrder();
    expect((await admin.post(`/api/orders/${order.id}/payment-reminder`)).status).toBe(202);
    expect((await admin.post(`/api/orders/${order.id}/payment-reminder`)).status).toBe(202);
    const { link } = (await admin.get(`/api/orders/${order.id}/status-link`)).body;
    const letters = (await admin.get(`/api/letters?orderId=${order.id}`)).body.items as { html: string }[];
    // The order's confirmation and the two reminders, all with the one link.
    expect(letters).toHaveLength(3);
    for (const letter of letters)
      expect(letter.html).toContain(`<a href="${link.url}" rel="noopener noreferrer">${link.url}</a>`);
    expect((await page(link.token)).status).toBe(200);
  });
});
