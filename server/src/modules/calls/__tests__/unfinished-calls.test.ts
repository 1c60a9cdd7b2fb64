import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { setClock } from '../../../lib/clock.js';
import type { SessionUser } from '@callboard/shared';
import { findActiveSessionUser } from '../../users/users.service.js';
import { OrderModel } from '../../orders/order.model.js';
import { LetterModel } from '../../letters/letter.model.js';
import { deliverDueLetters } from '../../letters/index.js';
import { QueueClaimModel } from '../../queue/queue-claim.model.js';
import { startSmtpListener, type SmtpListener } from '../../letters/__tests__/smtp-listener.js';
import { CallModel, PendingCallEffectsModel } from '../call.model.js';
import { storeCall } from '../call-recording.js';
import { finishUnfinishedCalls, unfinishedCallMs } from '../unfinished-calls.js';
import { newOrder } from './fixtures.js';

const overrides: Record<string, string> = { MAIL_FROM: 'Callboard Shop <shop@callboard.test>' };
let smtp: SmtpListener;
// Registered before useTestApp's own beforeAll, so the listener's port is in the env it loads.
beforeAll(async () => {
  smtp = await startSmtpListener();
  overrides.SMTP_URL = smtp.url;
});
afterAll(async () => smtp.close());

const ctx = useTestApp(overrides);

const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('the unfinished-calls sweep', () => {
  it('finishes a call stored without its effects once a minute has passed, and its letter goes out once', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const manager = (await findActiveSessionUser(user.id)) as SessionUser;
    const storedAt = new Date('2026-05-04T10:00:00Z');
    setClock(() => storedAt);
    const order = await newOrder({ email: 'ana@example.com' });
    expect((await agent.post('/api/queue/claim')).body.item.order.id).toBe(order.id);

    // As if the process stopped right after storing the call: no effect applied.
    const stored = await storeCall(
      { kind: 'order', id: order.id },
      {
        outcome: 'completed',
        comment: 'Confirmed, send the details',
        letter: { subject: 'Your order <$order_number>', html: '<p>Hello <$name></p>' },
        copyToManager: true,
      },
      manager,
      'cut-off',
    );
    expect(stored.fresh).toBe(true);
    const callId = String(stored.call._id);
    expect(await PendingCallEffectsModel.countDocuments({ _id: callId })).toBe(1);
    expect((await OrderModel.findById(order.id).lean())?.call?.state).toBe('due');
    expect(await LetterModel.countDocuments({ orderId: order.id })).toBe(0);

    // Within the minute the request may still be finishing them: the sweep leaves it.
    expect(await finishUnfinishedCalls(later(storedAt, unfinishedCallMs - 1_000))).toBe(0);
    expect((await CallModel.findById(callId).lean())?.effectsDoneAt).toBeNull();

    const sweptAt = later(storedAt, unfinishedCallMs);
    setClock(() => sweptAt);
    // Two runs at once (Agenda delivers at least once): the effects are applied once.
    expect((await Promise.all([finishUnfinishedCalls(sweptAt), finishUnfinishedCalls(sweptAt)])).sort()).toEqual([
      0, 1,
    ]);
    expect(await finishUnfinishedCalls(later(sweptAt, unfinishedCallMs))).toBe(0);

    const call = await CallModel.findById(callId).lean();
    expect(call?.effectsDoneAt?.toISOString()).toBe(sweptAt.toISOString());
    expect(await PendingCallEffectsModel.countDocuments({})).toBe(0);
    expect((await OrderModel.findById(order.id).lean())?.call).toMatchObject({
      state: 'closed',
      lastOutcome: 'completed',
      attempts: 1,
    });
    expect(await QueueClaimModel.countDocuments({ _id: `order:${order.id}` })).toBe(0);
    const letters = await LetterModel.find({ orderId: order.id }).lean();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: 'call', to: 'ana@example.com', cc: [user.email] });
    expect(call?.letterId).toBe(String(letters[0]!._id));

    await deliverDueLetters(sweptAt, ctx.env);
    await finishUnfinishedCalls(later(sweptAt, 2 * unfinishedCallMs));
    await deliverDueLetters(later(sweptAt, 2 * unfinishedCallMs), ctx.env);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.rcptTo.sort()).toEqual(['ana@example.com', user.email].sort());
    expect(smtp.received[0]!.subject).toBe(`Your order ${order.number}`);
    expect(smtp.received[0]!.html).toContain('<p>Hello Client');

    // The client's retry of the same call now answers from the finished record.
    const retry = await agent
      .post(`/api/orders/${order.id}/calls`)
      .set('Idempotency-Key', 'cut-off')
      .send({
        outcome: 'completed',
        comment: 'Confirmed, send the details',
        letter: { subject: 'Your order <$order_number>', html: '<p>Hello <$name></p>' },
        copyToManager: true,
      });
    expect(retry.status).toBe(201);
    expect(retry.body.call).toMatchObject({ id: callId, letterId: String(letters[0]!._id) });
    expect(await LetterModel.countDocuments({ orderId: order.id })).toBe(1);
  });

  it('drops the marker of a call that was never stored', async () => {
    const at = new Date('2026-05-04T12:00:00Z');
    await PendingCallEffectsModel.create({ _id: '6a0000000000000000000001', since: at });
    expect(await finishUnfinishedCalls(later(at, unfinishedCallMs))).toBe(0);
    expect(await PendingCallEffectsModel.countDocuments({})).toBe(0);
  });
});
