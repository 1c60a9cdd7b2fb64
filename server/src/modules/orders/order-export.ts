import mongoose from 'mongoose';
import { fromMinor, type OrderListQuery } from '@callboard/shared';
import { sortedForStream } from '../../db/stream-order.js';
import { csvDateTime, type CsvCell } from '../../lib/csv.js';
import { exportBatchSize, rowsByBatch, type ExportCursor } from '../../lib/csv-rows.js';
import { clientNames } from '../clients/index.js';
import { userNames } from '../users/index.js';
import { getSettings } from '../settings/index.js';
import { OrderModel, type OrderDoc } from './order.model.js';
import { orderListFilter } from './order.service.js';

const exportFields = {
  number: 1,
  createdAt: 1,
  status: 1,
  paymentStatus: 1,
  clientId: 1,
  managerId: 1,
  items: 1,
  currency: 1,
  totalMinor: 1,
  paidMinor: 1,
  tags: 1,
  stage: 1,
  source: 1,
  channel: 1,
  call: 1,
} as const;

type ExportDoc = Pick<OrderDoc, '_id' | keyof typeof exportFields>;

export const orderExportHeader = [
  'Number',
  'Created',
  'Status',
  'Payment',
  'Client',
  'Manager',
  'Items',
  'Currency',
  'Total',
  'Paid',
  'Tags',
  'Stage',
  'Source',
  'Channel',
  'Call state',
  'Next call',
  'Call attempts',
  'Last outcome',
] as const;

/**
 * The orders list's matches (the same filter as GET /api/orders, so the same orders) as CSV rows,
 * newest first (in stored order on the embedded database: db/stream-order.ts), read through one
 * cursor and named a batch at a time.
 */
export async function* orderExportRows(query: Omit<OrderListQuery, 'page' | 'limit'>): AsyncGenerator<CsvCell[]> {
  const filter = await orderListFilter(query);
  if (!filter) return;
  const { timeZone } = await getSettings();
  const cursor = sortedForStream(OrderModel.find(filter, exportFields).lean<ExportDoc[]>(), {
    createdAt: -1,
    _id: -1,
  }).cursor({ batchSize: exportBatchSize });
  yield* rowsByBatch(cursor as ExportCursor<ExportDoc>, (batch) => named(batch, timeZone));
}

async function named(docs: ExportDoc[], zone: string): Promise<CsvCell[][]> {
  const [clients, managers] = await Promise.all([
    clientNames(docs.map((d) => String(d.clientId))),
    userNames(docs.flatMap((d) => (d.managerId ? [String(d.managerId)] : []))),
  ]);
  return docs.map((d) => {
    const money = (minor: number | null | undefined) => fromMinor(minor ?? 0, d.currency);
    return [
      d.number,
      csvDateTime(d.createdAt, zone),
      d.status,
      d.paymentStatus,
      clients.get(String(d.clientId)) ?? '',
      d.managerId ? (managers.get(String(d.managerId)) ?? '') : '',
      d.items.map((i) => `${i.quantity} × ${i.name}`).join('; '),
      d.currency,
      money(d.totalMinor),
      money(d.paidMinor),
      (d.tags ?? []).join(', '),
      d.stage ?? '',
      d.source ?? '',
      d.channel ?? '',
      d.call?.state ?? '',
      csvDateTime(d.call?.nextCallAt, zone),
      d.call?.attempts ?? 0,
      d.call?.lastOutcome ?? '',
    ];
  });
}

/** Order numbers by id, for rows that name their order (the calls export). */
export async function orderNumbers(ids: Iterable<string>): Promise<Map<string, number>> {
  const unique = [...new Set([...ids].filter((id) => mongoose.isValidObjectId(id)))];
  if (unique.length === 0) return new Map();
  const docs = await OrderModel.find({ _id: { $in: unique } }, { number: 1 }).lean<
    { _id: unknown; number: number }[]
  >();
  return new Map(docs.map((d) => [String(d._id), d.number]));
}
