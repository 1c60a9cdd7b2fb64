import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { ClientModel } from '../../clients/client.model.js';
import { OrderModel } from '../../orders/order.model.js';
import { CallModel } from '../../calls/call.model.js';
import { QueueClaimModel } from '../queue-claim.model.js';
import { newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';

// Faults and reads are injected into the database calls: these run on the database path (as on MongoDB).
const ctx = useTestApp({}, { mirrors: false });
const at = useQueueClock();

afterEach(() => jest.restoreAllMocks());

const claimedIds = (results: { status: number; body: { item?: { order: { id: string } } } }[]) =>
  results.flatMap((r) => (r.status === 200 ? [r.body.item!.order.id] : []));

/** What another server process recording a call on the order writes: the call state, then the release. */
async function recordElsewhere(orderId: string): Promise<void> {
  await OrderModel.updateOne(
    { _id: orderId },
    {
      $set: {
        'call.state': 'scheduled',
        'call.nextCallAt': new Date('2026-05-04T11:00:00Z'),
        'call.lastOutcome': 'not_reached',
        'call.lastCallAt': new Date('2026-05-04T10:00:00Z'),
        'call.notReachedStreak': 1,
        'call.attempts': 1,
      },
    },
  );
  await QueueClaimModel.deleteOne({ _id: `order:${orderId}` });
}

describe('POST /api/queue/claim racing a recorded call', () => {
  it('never hands out an order whose call was just recorded to either of two managers claiming at once', async () => {
    const first = await signedInAgent(ctx, 'manager');
    const two = [await signedInAgent(ctx, 'manager'), await signedInAgent(ctx, 'manager')];
    at('2026-05-04T09:00:00Z');
    const recorded = await newOrder();
    at('2026-05-04T09:10:00Z');
    const next = await newOrder();
    at('2026-05-04T09:20:00Z');
    const last = await newOrder();
    at('2026-05-04T10:00:00Z');

    expect((await first.agent.post('/api/queue/claim')).body.item.order.id).toBe(recorded.id);
    const call = await first.agent.post(`/api/orders/${recorded.id}/calls`).send({ outcome: 'not_reached' });
    expect(call.status).toBe(201);
    expect(call.body.order.call.nextCallAt).toBe('2026-05-04T11:00:00.000Z');

    const results = await Promise.all(two.map((m) => m.agent.post('/api/queue/claim')));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(claimedIds(results).sort()).toEqual([next.id, last.id].sort());
    expect((await QueueClaimModel.find({}).lean()).map((c) => c._id).sort()).toEqual(
      [`order:${next.id}`, `order:${last.id}`].sort(),
    );
    expect(await CallModel.countDocuments({ orderId: recorded.id })).toBe(1);
  });

  it('never hands out an order a call recorded in another process took out of the queue after the claims read it', async () => {
    const first = await signedInAgent(ctx, 'manager');
    const two = [await signedInAgent(ctx, 'manager'), await signedInAgent(ctx, 'manager')];
    at('2026-05-04T09:00:00Z');
    const recorded = await newOrder();
    at('2026-05-04T09:10:00Z');
    const next = await newOrder();
    at('2026-05-04T10:00:00Z');

    expect((await first.agent.post('/api/queue/claim')).body.item.order.id).toBe(recorded.id);
    await recordElsewhere(recorded.id);

    const results = await Promise.all(two.map((m) => m.agent.post('/api/queue/claim')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 204]);
    expect(claimedIds(results)).toEqual([next.id]);
    expect(await QueueClaimModel.countDocuments({ _id: `order:${recorded.id}` })).toBe(0);
  });

  it('lets go of a claim whose order stopped being due between reading the queue and taking the claim', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    at('2026-05-04T09:00:00Z');
    const stopped = await newOrder();
    at('2026-05-04T09:10:00Z');
    const next = await newOrder();
    at('2026-05-04T10:00:00Z');

    // The claim reads the candidate's client after the queue page and before the claim insert:
    // the call lands exactly there.
    const clientRead = ClientModel.findById.bind(ClientModel);
    const spy = jest.spyOn(ClientModel, 'findById').mockImplementationOnce(((id: string) => {
      const query = clientRead(id);
      const then = query.then.bind(query);
      return Object.assign(query, {
        then: (ok: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
          recordElsewhere(stopped.id).then(() => then(ok, fail)),
      });
    }) as never);

    const res = await agent.post('/api/queue/claim');
    expect(spy).toHaveBeenCalledWith(stopped.clientId);
    expect(res.status).toBe(200);
    expect(res.body.item.order.id).toBe(next.id);
    expect(await QueueClaimModel.find({}).lean()).toEqual([
      expect.objectContaining({ _id: `order:${next.id}`, userId: user.id }),
    ]);
  });
});
