import { describe, expect, it } from '@jest/globals';
import { signedInAgent } from '../../../test/test-app.js';
import { orderTimeline } from '../../timeline/timeline.service.js';
import { bootId } from '../../../lib/boot-id.js';
import { LetterDeliveryModel, LetterModel } from '../letter.model.js';
import { prepareLetter } from '../letter-compose.js';
import { enqueueLetter } from '../letter-outbox.js';
import { deliverDueLetters, retryDelayMs, staleClaimMs } from '../letter-delivery.js';
import { callLetter, createOrderFixture, manager, useLetterTestApp } from './letter-fixtures.js';

const { ctx, smtp } = useLetterTestApp();
const minute = 60_000;

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
