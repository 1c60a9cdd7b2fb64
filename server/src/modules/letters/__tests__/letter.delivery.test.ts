import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { seedDefaultTemplates } from '../../templates/template.service.js';
import { TemplateModel } from '../../templates/template.model.js';
import { OrderEventModel } from '../../orders/order-event.model.js';
import { orderTimeline } from '../../timeline/timeline.service.js';
import { LetterDeliveryModel, LetterModel } from '../letter.model.js';
import {
  deliverDueLetters,
  enqueueLetter,
  prepareLetter,
  retryDelayMs,
  sendDueReviewRequests,
  staleClaimMs,
} from '../letter.service.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';
import { bootId } from '../../../lib/boot-id.js';
import { createOrderFixture } from './letter-fixtures.js';

const overrides: Record<string, string> = { MAIL_FROM: 'Callboard Shop <shop@callboard.test>' };
let smtp: SmtpListener;
// Registered before useTestApp's own beforeAll, so the listener's port is in the env it loads.
beforeAll(async () => {
  smtp = await startSmtpListener();
  overrides.SMTP_URL = smtp.url;
});
afterAll(async () => smtp.close());

const ctx = useTestApp(overrides);
const manager = { type: 'user' as const, id: null, name: 'Marta López' };
const minute = 60_000;

beforeAll(async () => {
  await seedDefaultTemplates();
});

beforeEach(async () => {
  smtp.received.length = 0;
  smtp.rcptReplies.length = 0;
  // Letters from earlier tests must not be swept into this one's assertions.
  await LetterModel.deleteMany({});
});

const callLetter = {
  subject: 'Your order <$order_number>, <$name>',
  html: '<p>Dear <$name>,</p><p>Order <strong>{$order_number}</strong> totals <$total>.</p><script>alert(1)</script>',
};

async function queueCallLetter(copyTo: string[] = []) {
  const { orderId, number } = await createOrderFixture();
  const prepared = await prepareLetter({ orderId, ...callLetter, actor: manager });
  const letter = await enqueueLetter(prepared, { kind: 'call', copyTo, actor: manager });
  return { orderId, number, letter };
}

describe('the letter outbox and its delivery sweep', () => {
  it('delivers a call letter with HTML and text parts to the client and the manager copy', async () => {
    const { orderId, number, letter } = await queueCallLetter(['marta@callboard.test']);
    expect(letter).toMatchObject({
      status: 'queued',
      to: 'ana@example.com',
      cc: ['marta@callboard.test'],
      attempts: 0,
    });

    const now = new Date();
    const report = await deliverDueLetters(now, ctx.env);
    expect(report.sent).toBe(1);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('shop@callboard.test');
    expect(mail.rcptTo.sort()).toEqual(['ana@example.com', 'marta@callboard.test']);
    expect(mail.headers.to).toBe('ana@example.com');
    expect(mail.headers.cc).toBe('marta@callboard.test');
    expect(mail.subject).toBe(`Your order ${number}, Ana García`);
    expect(mail.html).toContain('<p>Dear Ana García,</p>');
    expect(mail.html).toContain(`<strong>${number}</strong> totals €49.90.`);
    expect(mail.html).not.toContain('script');
    expect(mail.text).toContain('Dear Ana García,');
    expect(mail.text).toContain(`Order ${number} totals €49.90.`);
    expect(mail.headers['message-id']).toBe(`<letter-${letter.id}@callboard.test>`);

    const stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(stored?.sentAt?.toISOString()).toBe(now.toISOString());

    const list = await (await signedInAgent(ctx, 'manager')).agent.get(`/api/letters?orderId=${orderId}`);
    expect(list.status).toBe(200);
    expect(list.body.smtpConfigured).toBe(true);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: letter.id,
        to: 'ana@example.com',
        cc: ['marta@callboard.test'],
        status: 'sent',
        attempts: 1,
        error: null,
      }),
    ]);
    const timeline = await orderTimeline(orderId);
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'letter', letterId: letter.id, status: 'sent' }));
  });

  it('retries a temporary refusal with back-off, then delivers once', async () => {
    const { letter } = await queueCallLetter();
    smtp.rcptReplies.push({ code: 421, message: 'Try again later' }, { code: 451, message: 'Greylisted' });
    const t0 = new Date(Date.now() + minute);

    expect(await deliverDueLetters(t0, ctx.env)).toMatchObject({ retrying: 1 });
    let stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'queued', attempts: 1 });
    expect(stored?.lastError).toMatch(/421 Try again later/);
    expect(stored?.nextAttemptAt?.getTime()).toBe(t0.getTime() + retryDelayMs(1));

    // Not due yet: nothing happens.
    expect(await deliverDueLetters(new Date(t0.getTime() + 30_000), ctx.env)).toMatchObject({ sent: 0, retrying: 0 });

    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    expect(await deliverDueLetters(t1, ctx.env)).toMatchObject({ retrying: 1 });
    stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'queued', attempts: 2 });
    expect(stored?.lastError).toMatch(/451 Greylisted/);
    expect(stored?.nextAttemptAt?.getTime()).toBe(t1.getTime() + retryDelayMs(2));

    expect(await deliverDueLetters(new Date(t1.getTime() + retryDelayMs(2)), ctx.env)).toMatchObject({ sent: 1 });
    stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails at once on a permanent 5xx refusal, keeping the server text', async () => {
    const { letter, orderId } = await queueCallLetter();
    smtp.rcptReplies.push({ code: 550, message: 'No such user here' });
    expect(await deliverDueLetters(new Date(), ctx.env)).toMatchObject({ failed: 1 });
    const stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(stored?.lastError).toMatch(/550 No such user here/);
    expect(await deliverDueLetters(new Date(Date.now() + 24 * 60 * minute), ctx.env)).toMatchObject({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(0);
    const timeline = await orderTimeline(orderId);
    expect(timeline).toContainEqual(
      expect.objectContaining({ type: 'letter', status: 'failed', error: stored?.lastError }),
    );
  });

  it('marks a letter failed after the last of five temporary refusals', async () => {
    const { letter } = await queueCallLetter();
    let t = new Date(Date.now() + minute);
    for (let attempt = 1; attempt <= 5; attempt++) {
      smtp.rcptReplies.push({ code: 421, message: `Busy ${attempt}` });
      await deliverDueLetters(t, ctx.env);
      t = new Date(t.getTime() + retryDelayMs(attempt));
    }
    const stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null });
    expect(stored?.lastError).toMatch(/421 Busy 5/);
    expect(await LetterDeliveryModel.countDocuments({ letterId: letter.id })).toBe(5);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends a letter once when two sweeps run at the same time and again afterwards', async () => {
    const { letter } = await queueCallLetter();
    const now = new Date();
    const reports = await Promise.all([deliverDueLetters(now, ctx.env), deliverDueLetters(now, ctx.env)]);
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    await deliverDueLetters(new Date(now.getTime() + staleClaimMs * 2), ctx.env);
    expect(smtp.received).toHaveLength(1);
    expect(await LetterModel.findById(letter.id).lean()).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('leaves a delivery this boot is making alone, and retires it after the stale period if it never finished', async () => {
    const { letter } = await queueCallLetter();
    const t0 = new Date(Date.now() + minute);
    // What a run of this process that failed after claiming attempt 1 leaves behind.
    await LetterDeliveryModel.create({ _id: `${letter.id}:1`, letterId: letter.id, attempt: 1, claimedAt: t0, bootId });
    await LetterModel.updateOne(
      { _id: letter.id },
      { $set: { status: 'sending', claimBoot: bootId, nextAttemptAt: new Date(t0.getTime() + staleClaimMs) } },
    );

    expect(await deliverDueLetters(new Date(t0.getTime() + minute), ctx.env)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await deliverDueLetters(new Date(t0.getTime() + staleClaimMs), ctx.env)).toMatchObject({ sent: 1 });
    expect(await LetterModel.findById(letter.id).lean()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('resends at the next sweep, with the same Message-ID, a letter an earlier boot was sending when it stopped', async () => {
    const { letter } = await queueCallLetter();
    const t0 = new Date();
    expect(await deliverDueLetters(t0, ctx.env)).toMatchObject({ sent: 1 });
    // As if the server had stopped after the SMTP server took the letter but before that was
    // recorded: attempt 1 claimed by the earlier boot, unconfirmed, the letter still `sending`.
    await LetterDeliveryModel.updateOne(
      { _id: `${letter.id}:1` },
      { $set: { bootId: 'earlier-boot', confirmedAt: null, messageId: null } },
    );
    await LetterModel.updateOne(
      { _id: letter.id },
      {
        $set: {
          status: 'sending',
          claimBoot: 'earlier-boot',
          attempts: 0,
          sentAt: null,
          nextAttemptAt: new Date(t0.getTime() + staleClaimMs),
        },
      },
    );

    const restartedAt = new Date(t0.getTime() + 5_000);
    expect(await deliverDueLetters(restartedAt, ctx.env)).toMatchObject({ sent: 1 });
    const expectedId = `<letter-${letter.id}@callboard.test>`;
    expect(smtp.received.map((m) => m.headers['message-id'])).toEqual([expectedId, expectedId]);
    const stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'sent', attempts: 2, lastError: null, messageId: expectedId });
    expect(stored?.sentAt?.toISOString()).toBe(restartedAt.toISOString());
    expect(await LetterDeliveryModel.findById(`${letter.id}:2`).lean()).toMatchObject({ bootId });
    expect(await deliverDueLetters(new Date(t0.getTime() + 2 * staleClaimMs), ctx.env)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('does not resend a letter whose acceptance an earlier boot recorded before stopping', async () => {
    const { letter } = await queueCallLetter();
    const acceptedAt = new Date(Date.now() - minute);
    const messageId = `<letter-${letter.id}@callboard.test>`;
    await LetterDeliveryModel.create({
      _id: `${letter.id}:1`,
      letterId: letter.id,
      attempt: 1,
      claimedAt: acceptedAt,
      bootId: 'earlier-boot',
      confirmedAt: acceptedAt,
      messageId,
    });
    await LetterModel.updateOne(
      { _id: letter.id },
      { $set: { status: 'sending', claimBoot: 'earlier-boot', nextAttemptAt: new Date(Date.now() + staleClaimMs) } },
    );
    // Marked sent from the recorded acceptance; nothing goes to the SMTP server.
    expect(await deliverDueLetters(new Date(), ctx.env)).toMatchObject({ sent: 1, skipped: 0 });
    const stored = await LetterModel.findById(letter.id).lean();
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, messageId });
    expect(stored?.sentAt?.toISOString()).toBe(acceptedAt.toISOString());
    expect(smtp.received).toHaveLength(0);
  });

  it('sends once a letter still queued that an earlier boot had claimed just before stopping', async () => {
    const { letter } = await queueCallLetter();
    const now = new Date();
    await LetterDeliveryModel.create({
      _id: `${letter.id}:1`,
      letterId: letter.id,
      attempt: 1,
      claimedAt: now,
      bootId: 'earlier-boot',
    });
    expect(await deliverDueLetters(now, ctx.env)).toMatchObject({ sent: 1 });
    expect(await LetterModel.findById(letter.id).lean()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await deliverDueLetters(new Date(now.getTime() + staleClaimMs * 2), ctx.env)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('leaves letters queued and visible when no SMTP server is configured', async () => {
    const { letter } = await queueCallLetter();
    expect(await deliverDueLetters(new Date(), { ...ctx.env, smtpUrl: undefined })).toMatchObject({
      sent: 0,
      failed: 0,
    });
    expect(await LetterModel.findById(letter.id).lean()).toMatchObject({ status: 'queued', attempts: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('returns the first letter for a repeated dedupe key', async () => {
    const { orderId } = await createOrderFixture();
    const prepared = await prepareLetter({ orderId, ...callLetter, actor: manager });
    const first = await enqueueLetter(prepared, { kind: 'call', dedupeKey: 'call:abc', actor: manager });
    const second = await enqueueLetter(prepared, { kind: 'call', dedupeKey: 'call:abc', actor: manager });
    expect(second.id).toBe(first.id);
    expect(await LetterModel.countDocuments({ orderId })).toBe(1);
  });
});

describe('prepareLetter', () => {
  it('refuses missing and unknown variables with their names', async () => {
    const { orderId } = await createOrderFixture();
    await updateSettings({ bankAccount: '' });
    try {
      await expect(
        prepareLetter({ orderId, subject: 's', html: '<p><$bank_account> <$manager_name> {$nope}</p>' }),
      ).rejects.toMatchObject({
        code: 'missing_variables',
        details: [
          expect.objectContaining({ variable: 'bank_account' }),
          expect.objectContaining({ variable: 'manager_name' }),
          expect.objectContaining({ variable: 'nope' }),
        ],
      });
    } finally {
      await updateSettings({ bankAccount: 'IBAN ES91 2100 0418 4502 0005 1332' });
    }
  });

  it('refuses a client without an e-mail address', async () => {
    const { orderId } = await createOrderFixture({ email: null });
    await expect(prepareLetter({ orderId, subject: 's', html: '<p>Hi <$name></p>' })).rejects.toMatchObject({
      code: 'unprocessable',
    });
  });
});

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

describe('POST /api/templates/preview', () => {
  it('shows exactly the letter that is sent', async () => {
    const { orderId } = await createOrderFixture({ name: '<img src=x onerror=alert(1)>' });
    const { agent } = await signedInAgent(ctx, 'manager');
    const preview = await agent.post('/api/templates/preview').send({ ...callLetter, orderId });
    expect(preview.status).toBe(200);
    expect(preview.body.missing).toEqual([]);
    expect(preview.body.unknown).toEqual([]);
    expect(preview.body.html).toContain('Dear &lt;img src=x onerror=alert(1)&gt;,');

    const prepared = await prepareLetter({ orderId, ...callLetter });
    await enqueueLetter(prepared, { kind: 'call', actor: manager });
    await deliverDueLetters(new Date(), ctx.env);
    const mail = smtp.received[0]!;
    expect(mail.html).toBe(preview.body.html);
    expect(mail.text).toBe(preview.body.text);
    expect(mail.subject).toBe(preview.body.subject);
  });

  it('lists missing and unknown variables with 200', async () => {
    const { orderId } = await createOrderFixture();
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent
      .post('/api/templates/preview')
      .send({ subject: 'Hi <$name>', html: '<p><$manager_name> <$message> {$nmae}</p>', orderId });
    expect(res.status).toBe(200);
    expect(res.body.missing.sort()).toEqual(['manager_name', 'message']);
    expect(res.body.unknown).toEqual(['nmae']);
    expect(res.body.html).toBe('<p>&lt;$manager_name&gt; &lt;$message&gt; {$nmae}</p>');
  });
});
