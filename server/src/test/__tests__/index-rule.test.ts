import { describe, expect, it } from '@jest/globals';
import { OrderModel } from '../../modules/orders/order.model.js';
import { checkShape, type IndexSpec } from '../query-shapes/index-rule.js';
import { auditShapes } from '../query-shapes/query-audit.js';
import { parseFilter, parseSort, shapeKey, type QueryShape } from '../query-shapes/query-shape.js';
import type { RecordedShape } from '../query-shapes/query-recorder.js';

const index = (keys: Record<string, 1 | -1>, unique = false): IndexSpec => ({
  keys: Object.entries(keys).map(([field, dir]) => ({ field, dir })),
  unique,
});

/** The shapes one query sends (one per `$or` branch), as the recorder builds them. */
function shapesOf(filter: Record<string, unknown>, sort?: Record<string, 1 | -1>, collection = 'orders'): QueryShape[] {
  const branches = parseFilter(filter);
  return branches.map((predicates) => ({
    collection,
    method: 'find',
    predicates,
    sort: parseSort(sort),
    projection: [],
    ...(branches.length > 1 ? { orBranch: true } : {}),
  }));
}

const verdict = (indexes: IndexSpec[], filter: Record<string, unknown>, sort?: Record<string, 1 | -1>) =>
  shapesOf(filter, sort).map((s) => checkShape(s, indexes).indexed);

describe('the equality–sort–range rule', () => {
  const list = [index({ _id: 1 }, true), index({ managerId: 1, status: 1, createdAt: -1, _id: -1 })];

  it('passes equality, then sort (either direction), then a range on the sort field', () => {
    expect(verdict(list, { managerId: 'm', status: 'paid' }, { createdAt: -1, _id: -1 })).toEqual([true]);
    expect(verdict(list, { managerId: 'm', status: 'paid' }, { createdAt: 1, _id: 1 })).toEqual([true]);
    expect(verdict(list, { managerId: 'm', status: 'paid', createdAt: { $gte: 1 } }, { createdAt: -1 })).toEqual([
      true,
    ]);
  });

  it('fails a sort in mixed directions, a missing equality field, and a sort the index does not end with', () => {
    expect(verdict(list, { managerId: 'm', status: 'paid' }, { createdAt: -1, _id: 1 })).toEqual([false]);
    expect(verdict(list, { managerId: 'm', status: 'paid', stage: 'x' }, { createdAt: -1 })).toEqual([false]);
    expect(verdict(list, { managerId: 'm' }, { createdAt: -1 })).toEqual([false]);
  });

  it('merges a short $in before a sort, but counts a long one as a range', () => {
    expect(verdict(list, { managerId: 'm', status: { $in: ['a', 'b', 'c'] } }, { createdAt: -1, _id: -1 })).toEqual([
      true,
    ]);
    const many = Array.from({ length: 201 }, (_, i) => `s${i}`);
    expect(verdict(list, { managerId: 'm', status: { $in: many } }, { createdAt: -1, _id: -1 })).toEqual([false]);
    expect(
      verdict(
        [index({ managerId: 1, createdAt: -1, _id: -1, status: 1 })],
        { managerId: 'm', status: { $in: many } },
        { createdAt: -1, _id: -1 },
      ),
    ).toEqual([true]);
  });

  it('never bounds a scan with $ne, $exists or an unanchored regex', () => {
    const byStatus = [index({ status: 1 })];
    expect(verdict(byStatus, { status: { $ne: 'paid' } })).toEqual([false]);
    expect(verdict(byStatus, { status: { $exists: true } })).toEqual([false]);
    expect(verdict(byStatus, { status: /aid/ })).toEqual([false]);
    expect(verdict(byStatus, { status: /^pa/ })).toEqual([true]);
    expect(verdict(byStatus, { status: { $regex: '^pa', $options: 'i' } })).toEqual([false]);
    expect(verdict([index({ name: 1 })], { stage: { $ne: null } }, { name: 1 })).toEqual([false]);
  });

  it('passes _id and unique look-ups, and checks each $or branch', () => {
    expect(verdict([index({ _id: 1 }, true)], { _id: 'x', paid: { $ne: true } })).toEqual([true]);
    expect(verdict([index({ _id: 1 }, true), index({ number: 1 }, true)], { number: { $in: [1, 2] } })).toEqual([true]);
    expect(verdict([index({ _id: 1 }, true), index({ a: 1 })], { $or: [{ a: 1 }, { b: 2 }] })).toEqual([true, false]);
  });
});

describe('auditShapes', () => {
  const recorded = (shape: QueryShape): RecordedShape => ({
    shape,
    key: shapeKey(shape),
    paths: new Set(['a synthetic path']),
    calls: 1,
  });
  // A query on the orders the app never sends: by payment status, biggest first.
  const unindexed = shapesOf({ paymentStatus: 'unpaid' }, { totalMinor: -1 }, OrderModel.collection.collectionName)[0]!;

  it('reports an unindexed shape with its collection, its shape and the indexes the collection has', () => {
    const result = auditShapes([recorded(unindexed)], []);
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect(failure).toContain('orders.find {paymentStatus: eq} sort {totalMinor: -1}');
    expect(failure).toContain('no index leads with equality on paymentStatus, then sort totalMinor: -1');
    expect(failure).toContain('indexes: {_id: 1} unique {number: 1} unique {createdAt: -1, _id: -1}');
    expect(failure).toContain('from: a synthetic path (1×)');
  });

  it('lets an allowed shape through, and reports an allowance nothing needs', () => {
    const allowance = { collection: 'orders', shape: shapeKey(unindexed), reason: 'test' };
    const stale = { collection: 'orders', shape: 'orders.find {nothing: eq}', reason: 'stale' };
    const result = auditShapes([recorded(unindexed)], [allowance, stale]);
    expect(result.failures).toEqual([]);
    expect(result.unusedAllowances).toEqual([stale]);
  });
});
