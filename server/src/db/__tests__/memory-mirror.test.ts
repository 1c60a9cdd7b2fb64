import { describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { useTestApp } from '../../test/test-app.js';
import { OrderModel, orderMirror, type OrderDoc } from '../../modules/orders/order.model.js';
import { ClientModel, clientMirror } from '../../modules/clients/client.model.js';
import { makeOrder, uniqueTag } from '../../modules/orders/__tests__/orders-fixtures.js';
import { LetterModel, letterMirror } from '../../modules/letters/letter.model.js';
import type { SortSpec } from '../memory-mirror.js';

useTestApp();

const ids = (docs: { _id: unknown }[]) => docs.map((d) => String(d._id));

/** The same query answered by the copy and by the database: the same documents, in the same order. */
async function expectSameAnswer(filter: Record<string, unknown>, sort: SortSpec, skip = 0, limit = 0) {
  let query = OrderModel.find(filter).sort(sort).skip(skip);
  if (limit) query = query.limit(limit);
  const fromDb = await query.lean<OrderDoc[]>();
  const fromCopy = await orderMirror.find(filter, { sort, skip, limit });
  expect(ids(fromCopy)).toEqual(ids(fromDb));
  expect(await orderMirror.count(filter)).toBe(await OrderModel.countDocuments(filter));
  return ids(fromCopy);
}

/** Every document of the collection as the copy holds it equals the stored one, field by field. */
async function expectCopyEqualsDatabase(tag: string) {
  const stored = await OrderModel.find({ tags: tag }).sort({ _id: 1 }).lean<OrderDoc[]>();
  const copied = await orderMirror.find({ tags: tag }, { sort: { _id: 1 } });
  expect(copied).toEqual(stored);
}

describe('the memory mirror (embedded mode)', () => {
  it('answers filters, sorts, pages and counts exactly as the database does', async () => {
    const tag = uniqueTag();
    const made = [];
    for (const [i, day] of ['01', '02', '03', '04', '05'].entries())
      made.push(await makeOrder({ tags: [tag], ...(i % 2 ? { source: 'phone' } : {}) }, `2025-03-${day}T10:00:00Z`));
    await OrderModel.updateOne({ _id: made[1]!.id }, { $set: { status: 'cancelled', stage: 'lost' } });
    await OrderModel.updateMany(
      { _id: { $in: [made[2]!.id, made[3]!.id] } },
      { $set: { 'call.nextCallAt': new Date('2025-03-10T09:00:00Z') } },
    );

    const newestFirst = await expectSameAnswer({ tags: tag }, { createdAt: -1, _id: -1 });
    expect(newestFirst).toEqual([...made].reverse().map((o) => o.id));
    expect(
      await expectSameAnswer({ tags: tag, status: { $in: ['pending'] } }, { createdAt: -1, _id: -1 }, 1, 2),
    ).toEqual([made[3]!.id, made[2]!.id]);
    expect(await expectSameAnswer({ tags: tag, stage: null }, { createdAt: 1 })).toEqual(
      [made[0], made[2], made[3], made[4]].map((o) => o!.id),
    );
    // Nulls sort first ascending, as on MongoDB; then by _id.
    expect(await expectSameAnswer({ tags: tag }, { 'call.nextCallAt': 1, _id: 1 })).toHaveLength(5);
    expect(
      await expectSameAnswer(
        { tags: tag, 'call.nextCallAt': { $lte: new Date('2025-03-11T00:00:00Z') } },
        { 'call.nextCallAt': 1, _id: 1 },
      ),
    ).toEqual([made[2]!.id, made[3]!.id]);
    // A page in a kept order walks it: the range skips the nulls sorted first and stops past its end.
    for (const range of [
      { $lte: new Date('2025-03-11T00:00:00Z') },
      { $lt: new Date('2025-03-10T09:00:00Z') },
      { $gte: new Date('2025-03-10T09:00:00Z') },
    ])
      await expectSameAnswer({ tags: tag, 'call.nextCallAt': range }, { 'call.nextCallAt': 1, _id: 1 }, 0, 3);
    expect(await expectSameAnswer({ tags: tag }, { 'call.nextCallAt': 1, _id: 1 }, 1, 3)).toHaveLength(3);
    expect(await expectSameAnswer({ tags: tag, source: { $regex: '^PHO', $options: 'i' } }, { _id: 1 })).toEqual([
      made[1]!.id,
      made[3]!.id,
    ]);
    await expectCopyEqualsDatabase(tag);
  });

  it('picks a short page of many matches in the same order as a full sort (ties broken by _id)', async () => {
    const tag = uniqueTag();
    for (const day of ['01', '02', '02', '03', '03', '03', '04', '05', '05', '06', '07', '08'])
      await makeOrder({ tags: [tag] }, `2025-04-${day}T10:00:00Z`);
    const firstTwo = await expectSameAnswer({ tags: tag }, { createdAt: -1, _id: -1 }, 0, 2);
    const secondOldest = await expectSameAnswer({ tags: tag }, { createdAt: 1, _id: 1 }, 1, 1);
    const all = await expectSameAnswer({ tags: tag }, { createdAt: -1, _id: -1 });
    expect(all).toHaveLength(12);
    expect([firstTwo, secondOldest]).toEqual([all.slice(0, 2), [all[10]]]);
  });

  it('follows every kind of write: create, update, update-many, find-and-update, upsert, delete, insert-many', async () => {
    const tag = uniqueTag();
    const a = await makeOrder({ tags: [tag] });
    const b = await makeOrder({ tags: [tag] });
    const c = await makeOrder({ tags: [tag] });
    await OrderModel.updateOne({ _id: a.id }, { $set: { funnel: 'webinar' }, $inc: { paidMinor: 500 } });
    await OrderModel.updateMany({ tags: tag, _id: { $ne: a.id } }, { $push: { tags: 'bulk' } });
    await OrderModel.findOneAndUpdate({ _id: b.id }, { $set: { stage: 'won' } });
    await OrderModel.deleteOne({ _id: c.id });
    const template = await OrderModel.findById(a.id).lean<OrderDoc>();
    const { _id: _ignored, number: _n, createdAt: _c, updatedAt: _u, ...rest } = template!;
    const upsertedId = new mongoose.Types.ObjectId();
    await OrderModel.updateOne({ _id: upsertedId }, { $setOnInsert: { ...rest, number: 900_001 } }, { upsert: true });
    await OrderModel.insertMany([{ ...rest, number: 900_002 }]);

    await expectCopyEqualsDatabase(tag);
    const copy = await orderMirror.find({ tags: tag }, { sort: { number: 1 } });
    expect(copy.map((d) => [d.number, d.funnel, d.stage ?? null, d.paidMinor, d.tags.includes('bulk')])).toEqual([
      [a.number, 'webinar', null, 500, false],
      [b.number, null, 'won', 0, true],
      [900_001, 'webinar', null, 500, false],
      [900_002, 'webinar', null, 500, false],
    ]);
    expect(await orderMirror.findById(c.id)).toBeNull();
    expect(String((await orderMirror.findById(String(upsertedId)))?._id)).toBe(String(upsertedId));
  });

  it('stays equal to the database after a write the database refuses', async () => {
    const tag = uniqueTag();
    const a = await makeOrder({ tags: [tag] });
    const b = await makeOrder({ tags: [tag] });
    // Order numbers are unique: the update fails (MongoDB: duplicate key; FerretDB: SQLite's constraint) and changes nothing.
    await expect(OrderModel.updateOne({ _id: b.id }, { $set: { number: a.number, funnel: 'x' } })).rejects.toThrow(
      /duplicate key|UNIQUE constraint failed/,
    );
    await expectCopyEqualsDatabase(tag);
    expect((await orderMirror.findById(b.id))?.number).toBe(b.number);
  });

  it('hands out frozen documents, so a caller cannot change the copy by accident', async () => {
    const order = await makeOrder({ tags: [uniqueTag()] });
    const doc = (await orderMirror.findById(order.id))!;
    expect(() => {
      (doc as { status: string }).status = 'cancelled';
    }).toThrow(TypeError);
    expect(() => doc.items.push({ name: 'x', sku: null, quantity: 1, unitPriceMinor: 1 })).toThrow(TypeError);
    expect((await OrderModel.findById(order.id).lean<OrderDoc>())?.status).toBe('pending');
  });

  it('finds clients by array fields and nested array paths, as intake matching and search do', async () => {
    const tag = uniqueTag();
    const order = await makeOrder({
      tags: [tag],
      client: { name: `Zoë ${tag}`, email: `${tag}@example.com`, phone: '+34 600 11 22 33' },
    });
    await ClientModel.updateOne({ _id: order.clientId }, { $push: { emails: `second-${tag}@example.com` } });
    const byPhone = await clientMirror.findOne({ 'phones.number': '+34600112233', name: { $regex: tag } });
    const byEmail = await clientMirror.find({ emails: `second-${tag}@example.com` });
    const byName = await clientMirror.find({ name: { $regex: `zoË ${tag}`, $options: 'i' } });
    expect([String(byPhone?._id), ids(byEmail), ids(byName)]).toEqual([
      order.clientId,
      [order.clientId],
      [order.clientId],
    ]);
  });

  it("leaves a letter's body in the database: a read without it comes from memory, one with it from the database", async () => {
    const order = await makeOrder({ tags: [uniqueTag()] });
    const letter = await LetterModel.create({
      orderId: order.id,
      kind: 'manual',
      to: 'ana@example.com',
      subject: 'Your order',
      html: '<p>Hello</p>',
      text: 'Hello',
      status: 'queued',
      dedupeKey: `test:${order.id}`,
      actor: { type: 'user', id: null, name: 'Test' },
    });
    await LetterModel.updateOne({ _id: letter._id }, { $set: { status: 'sent' } });
    const listed = await letterMirror.find({ orderId: order.id }, { projection: { html: 0, text: 0 } });
    const whole = await letterMirror.findById(String(letter._id));
    expect(listed.map((l) => [l.subject, l.status, 'html' in l, 'text' in l])).toEqual([
      ['Your order', 'sent', false, false],
    ]);
    expect([whole?.status, whole?.html, whole?.text]).toEqual(['sent', '<p>Hello</p>', 'Hello']);
  });
});
