import { describe, expect, it } from '@jest/globals';
import { signedInAgent } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { TemplateModel } from '../../templates/template.model.js';
import { OrderEventModel } from '../../orders/order-event.model.js';
import { LetterModel } from '../letter.model.js';
import { deliverDueLetters } from '../letter-delivery.js';
import { sendDueReviewRequests } from '../letter-triggers.js';
import { createOrderFixture, useLetterTestApp } from './letter-fixtures.js';

const { ctx, smtp } = useLetterTestApp();
const minute = 60_000;

describe('POST /api/orders/:id/status letters', () => {
  async function changeStatus(orderId: string, body: Record<string, unknown>) {
    const { agent, user } = await signedInAgent(ctx, 'admin', {
      email: `boss-${Math.random().toString(36).slice(2, 8)}@callboard.test`,
    });
    const res = await agent.post(`/api/orders/${orderId}/status`).send(body);
    expect(res.status).toBe(200);
    return user;
  }

  it('sends the reserved letter with the bank account for a transfer, the message, and a copy to the admin', async () => {
    await updateSettings({ adminEmail: 'admin@callboard.test' });
    const { orderId, number } = await createOrderFixture({ paymentMethod: 'transfer' });
    await changeStatus(orderId, {
      status: 'reserved',
      notifyClient: true,
      notifyAdmin: true,
      message: 'We keep it for 3 days.',
    });
    const letters = await LetterModel.find({ orderId }).sort({ to: 1 }).lean();
    expect(letters.map((l) => [l.kind, l.to])).toEqual([
      ['status', 'admin@callboard.test'],
      ['status', 'ana@example.com'],
    ]);
    await deliverDueLetters(new Date(), ctx.env);
    expect(smtp.received).toHaveLength(2);
    const toClient = smtp.received.find((m) => m.rcptTo.includes('ana@example.com'))!;
    expect(toClient.subject).toBe(`Order ${number} is reserved: €49.90 to pay`);
    expect(toClient.html).toContain('IBAN ES91 2100 0418 4502 0005 1332');
    expect(toClient.html).not.toContain('pay.example.com');
    expect(toClient.html).toContain('<p>We keep it for 3 days.</p>');
    expect(toClient.text).toContain('The total to pay is €49.90.');
    await updateSettings({ adminEmail: '' });
  });

  it('sends the payment link for a card payment, in Spanish when that is the default locale', async () => {
    await updateSettings({ defaultLocale: 'es' });
    try {
      const { orderId, number } = await createOrderFixture({ paymentMethod: 'card', totalMinor: 123456 });
      await changeStatus(orderId, { status: 'reserved', notifyClient: true });
      await deliverDueLetters(new Date(), ctx.env);
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      const link = `https://pay.example.com/checkout?order=${number}&amp;amount=1234.56`;
      expect(mail.html).toContain(`<a href="${link}" rel="noopener noreferrer">${link}</a>`);
      expect(mail.html).not.toContain('IBAN');
      // Intl puts a no-break space between the amount and the symbol.
      expect(mail.subject).toBe(`Pedido ${number} reservado: 1234,56\u00a0€ a pagar`);
      // No message typed: its paragraph is dropped rather than left empty.
      expect(mail.html).not.toMatch(/<p>\s*<\/p>/);
    } finally {
      await updateSettings({ defaultLocale: 'en' });
    }
  });

  it('sends nothing when not asked', async () => {
    const { orderId } = await createOrderFixture({ paymentMethod: 'card' });
    await changeStatus(orderId, { status: 'reserved', notifyClient: false });
    expect(await LetterModel.countDocuments({ orderId })).toBe(0);
  });

  it('writes a system timeline entry when the status has no template', async () => {
    await TemplateModel.deleteMany({ status: 'on_hold' });
    const { orderId } = await createOrderFixture();
    await changeStatus(orderId, { status: 'on_hold', notifyClient: true });
    expect(await LetterModel.countDocuments({ orderId })).toBe(0);
    const events = await OrderEventModel.find({ orderId, type: 'system' }).lean();
    expect(events.map((e) => e.text)).toContainEqual(
      expect.stringMatching(/No e-mail was sent for the status "On hold": there is no letter template/),
    );
  });

  it('records why a letter could not be queued (client without e-mail)', async () => {
    const { orderId } = await createOrderFixture({ email: null, paymentMethod: 'transfer' });
    await changeStatus(orderId, { status: 'reserved', notifyClient: true });
    const events = await OrderEventModel.find({ orderId, type: 'system' }).lean();
    expect(events.map((e) => e.text)).toContainEqual(
      expect.stringMatching(/e-mail to the client was not sent: .*no e-mail address/),
    );
  });
});

describe('POST /api/orders/:id/payment-reminder', () => {
  it('queues the payment letter again and delivers it', async () => {
    const { orderId, number } = await createOrderFixture({ paymentMethod: 'transfer', status: 'reserved' });
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.post(`/api/orders/${orderId}/payment-reminder`);
    expect(res.status).toBe(202);
    expect(res.body.letter).toMatchObject({ kind: 'reminder', status: 'queued', to: 'ana@example.com', orderId });
    await deliverDueLetters(new Date(), ctx.env);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe(`Reminder: order ${number} is waiting for payment`);
    expect(smtp.received[0]!.html).toContain('€49.90');
    expect(smtp.received[0]!.html).toContain('IBAN ES91 2100 0418 4502 0005 1332');
  });

  it('offers both the bank account and the payment link when no payment method is chosen', async () => {
    const { orderId, number } = await createOrderFixture({ paymentMethod: null, status: 'reserved' });
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.post(`/api/orders/${orderId}/payment-reminder`);
    expect(res.status).toBe(202);
    expect(res.body.letter.html).toContain('IBAN ES91 2100 0418 4502 0005 1332');
    expect(res.body.letter.html).toContain(`https://pay.example.com/checkout?order=${number}&amp;amount=49.90`);
  });

  it('refuses a paid order with 409 and an unknown order with 404', async () => {
    const { orderId } = await createOrderFixture({ status: 'paid' });
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.post(`/api/orders/${orderId}/payment-reminder`)).status).toBe(409);
    expect((await agent.post('/api/orders/0123456789abcdef01234567/payment-reminder')).status).toBe(404);
    expect(await LetterModel.countDocuments({})).toBe(0);
  });

  it('answers 422 when the client has no e-mail address', async () => {
    const { orderId } = await createOrderFixture({ status: 'reserved', email: null });
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.post(`/api/orders/${orderId}/payment-reminder`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
  });
});

describe('review requests', () => {
  it('are sent once, reviewRequestDelayDays after completion', async () => {
    await updateSettings({ reviewRequestDelayDays: 7 });
    const completedAt = new Date('2026-02-01T12:00:00Z');
    const { orderId, number } = await createOrderFixture({ status: 'completed', completedAt });
    const day = 24 * 60 * minute;
    expect(await sendDueReviewRequests(new Date(completedAt.getTime() + 6 * day))).toBe(0);
    const due = new Date(completedAt.getTime() + 7 * day);
    const [a, b] = await Promise.all([sendDueReviewRequests(due), sendDueReviewRequests(due)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await sendDueReviewRequests(new Date(due.getTime() + day))).toBe(0);
    const letters = await LetterModel.find({ orderId }).lean();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: 'review', dedupeKey: `review:${orderId}`, status: 'queued' });
    await deliverDueLetters(new Date(), ctx.env);
    expect(smtp.received.map((m) => m.subject)).toEqual([`How was your order ${number}?`]);
  });
});
