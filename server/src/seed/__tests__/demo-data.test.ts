import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { orderStatuses, fromMinor } from '@callboard/shared';
import { useTestApp } from '../../test/test-app.js';
import { ClientModel } from '../../modules/clients/client.model.js';
import { ClientNoteModel } from '../../modules/clients/client-note.model.js';
import { OrderModel } from '../../modules/orders/order.model.js';
import { OrderEventModel } from '../../modules/orders/order-event.model.js';
import { countUsers } from '../../modules/users/users.service.js';
import { CallModel } from '../../modules/calls/call.model.js';
import { TaskModel } from '../../modules/tasks/task.model.js';
import { seedDemoData } from '../demo-data.js';

useTestApp();

describe('seedDemoData', () => {
  it('fills an empty database with clients, orders in every status, their call history and tasks, only once', async () => {
    const text = await seedDemoData();
    expect(text).toMatch(/ana\.admin@callboard\.test/);
    expect(text).toMatch(/password: callboard-demo/);
    expect(await countUsers()).toBe(6);
    expect(await ClientModel.countDocuments()).toBe(60);
    expect(await OrderModel.countDocuments()).toBe(300);
    expect(await ClientNoteModel.countDocuments()).toBeGreaterThan(3);

    const orders = await OrderModel.find().lean();
    const perStatus = Object.fromEntries(orderStatuses.map((s) => [s, orders.filter((o) => o.status === s).length]));
    for (const status of orderStatuses) expect(perStatus[status]).toBeGreaterThan(0);
    expect(perStatus.completed).toBeGreaterThan(perStatus.refunded!);

    const now = Date.now();
    for (const o of orders) {
      const open = o.status === 'pending' || o.status === 'reserved';
      // Open orders are in the queue, but for those waiting for a callable phone.
      expect(o.call.state === 'closed').toBe(
        !open || !!o.call.awaitingContact || o.call.lastOutcome === 'invalid_contact',
      );
      expect(o.createdAt.getTime()).toBeLessThanOrEqual(now);
      expect(o.createdAt.getTime()).toBeGreaterThan(now - 430 * 24 * 3600 * 1000);
      const subtotal = o.items.reduce((s, i) => s + i.quantity * i.unitPriceMinor, 0);
      expect(o.totalMinor).toBe(subtotal - o.discountMinor);
      expect(fromMinor(o.totalMinor, o.currency)).toBeGreaterThan(0);
    }
    expect(new Set(orders.map((o) => o.currency))).toEqual(new Set(['EUR', 'DKK', 'GBP', 'USD', 'MXN', 'AUD']));
    expect(new Set(orders.map((o) => o.number)).size).toBe(300);
    const open = orders.filter((o) => o.call.state !== 'closed');
    expect(open.some((o) => o.call.state === 'due')).toBe(true);
    expect(open.some((o) => o.call.state === 'scheduled')).toBe(true);
    expect(orders.filter((o) => o.status === 'paid').every((o) => o.paymentStatus === 'paid')).toBe(true);
    expect(orders.filter((o) => o.status === 'refunded').every((o) => o.paymentStatus === 'refunded')).toBe(true);
    expect(await OrderEventModel.countDocuments({ type: 'status' })).toBeGreaterThan(200);
    // The call history matches each order's call state: one call per attempt, the last one's outcome.
    const calls = await CallModel.find().lean();
    for (const o of orders.filter((x) => x.call.attempts > 0)) {
      const own = calls.filter((c) => String(c.orderId) === String(o._id)).sort((a, b) => +a.at - +b.at);
      expect(own).toHaveLength(o.call.attempts);
      expect(own.at(-1)!.outcome).toBe(o.call.lastOutcome);
    }
    expect(await TaskModel.countDocuments({ kind: 'call' })).toBeGreaterThan(0);
    const clients = await ClientModel.find().lean();
    const phoneCountries = new Set(clients.flatMap((c) => c.phones.map((p) => p.country)));
    for (const country of ['ES', 'DK', 'GB', 'DE', 'MX', 'US', 'AU']) expect(phoneCountries.has(country)).toBe(true);
    expect(orders.some((o) => o.createdAt.getTime() < now - 300 * 24 * 3600 * 1000)).toBe(true);
    expect(orders.some((o) => o.payments.length > 0)).toBe(true);
    expect(new Set(clients.map((c) => c.timezone)).size).toBeGreaterThanOrEqual(6);

    expect(await seedDemoData()).toBeNull();
    expect(await OrderModel.countDocuments()).toBe(300);
  });

  it('has open orders for clients inside calling hours (09:00–21:00) at every hour of the day', async () => {
    await seedDemoData(); // a no-op once the test above has seeded
    const zones = new Map((await ClientModel.find({}, { timezone: 1 }).lean()).map((c) => [String(c._id), c.timezone]));
    const open = await OrderModel.find({ 'call.state': { $ne: 'closed' } }, { clientId: 1 }).lean();
    const openZones = new Set(open.map((o) => zones.get(String(o.clientId))));
    const day = DateTime.fromISO('2026-11-29T00:00:00Z', { zone: 'UTC' });
    const uncovered = Array.from({ length: 24 }, (_, h) => day.plus({ hours: h })).filter(
      (at) => ![...openZones].some((zone) => zone && at.setZone(zone).hour >= 9 && at.setZone(zone).hour < 21),
    );
    expect(uncovered.map((at) => at.hour)).toEqual([]);
  });

  it('keeps every open order of a client with no callable phone out of the queue, waiting for a contact', async () => {
    await seedDemoData();
    const clients = await ClientModel.find({}, { phones: 1 }).lean();
    const unreachable = new Set(clients.filter((c) => !c.phones.some((p) => !p.invalid)).map((c) => String(c._id)));
    const open = await OrderModel.find({ status: { $in: ['pending', 'reserved'] } }, { clientId: 1, call: 1 }).lean();
    const waiting = open.filter((o) => unreachable.has(String(o.clientId)));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.filter((o) => o.call.state !== 'closed')).toEqual([]);
    expect(waiting.every((o) => o.call.awaitingContact || o.call.lastOutcome === 'invalid_contact')).toBe(true);
  });
});
