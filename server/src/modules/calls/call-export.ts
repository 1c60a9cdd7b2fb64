import { sortedForStream } from '../../db/stream-order.js';
import { csvDateTime, type CsvCell } from '../../lib/csv.js';
import { exportBatchSize, rowsByBatch, type ExportCursor } from '../../lib/csv-rows.js';
import { clientNames } from '../clients/index.js';
import { orderNumbers } from '../orders/index.js';
import { CallModel, type CallDoc } from './call.model.js';
import type { CallRange } from './call-figures.js';

const exportFields = {
  at: 1,
  by: 1,
  kind: 1,
  orderId: 1,
  clientId: 1,
  outcome: 1,
  talkSeconds: 1,
  phone: 1,
  comment: 1,
  callbackAt: 1,
  'result.nextCallAt': 1,
} as const;

type ExportDoc = Pick<
  CallDoc,
  '_id' | 'at' | 'by' | 'kind' | 'orderId' | 'clientId' | 'outcome' | 'phone' | 'comment'
> & {
  talkSeconds?: number | null;
  callbackAt?: Date | null;
  result?: { nextCallAt?: Date | null };
};

export const callExportHeader = (zone: string) =>
  [
    `Time (${zone})`,
    'Manager',
    'Outcome',
    'Talk seconds',
    'Kind',
    'Order',
    'Client',
    'Phone',
    'Comment',
    'Callback at',
    'Next call',
  ] as const;

/**
 * The calls made in the range, oldest first (stored order on the embedded database: db/stream-order.ts),
 * as CSV rows: read through one cursor, named a batch at a time.
 */
export async function* callExportRows(range: CallRange, zone: string): AsyncGenerator<CsvCell[]> {
  const inRange = { at: { $gte: range.from, $lt: range.to } };
  const cursor = sortedForStream(CallModel.find(inRange, exportFields).lean<ExportDoc[]>(), { at: 1, _id: 1 }).cursor({
    batchSize: exportBatchSize,
  });
  yield* rowsByBatch(cursor as ExportCursor<ExportDoc>, (batch) => named(batch, zone));
}

async function named(docs: ExportDoc[], zone: string): Promise<CsvCell[][]> {
  const [clients, orders] = await Promise.all([
    clientNames(docs.map((d) => String(d.clientId))),
    orderNumbers(docs.flatMap((d) => (d.orderId ? [String(d.orderId)] : []))),
  ]);
  return docs.map((d) => [
    csvDateTime(d.at, zone),
    d.by.name,
    d.outcome,
    d.talkSeconds ?? null,
    d.kind,
    d.orderId ? (orders.get(String(d.orderId)) ?? null) : null,
    clients.get(String(d.clientId)) ?? '',
    d.phone ?? '',
    d.comment ?? '',
    csvDateTime(d.callbackAt, zone),
    csvDateTime(d.result?.nextCallAt, zone),
  ]);
}
