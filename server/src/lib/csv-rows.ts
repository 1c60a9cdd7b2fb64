import { batches } from './batches.js';
import type { CsvCell } from './csv.js';

/** Rows are turned (and their names looked up) this many at a time; the cursor reads as many per trip. */
export const exportBatchSize = 200;

/** A database cursor as an export reads it: documents one by one, closed when the rows end. */
export type ExportCursor<T> = AsyncIterable<T> & { close(): Promise<unknown> };

/**
 * An export's CSV rows read through one cursor and turned into rows a batch at a time, so the
 * names a row shows (clients, managers, orders) take one look-up per batch and memory stays bounded
 * by the batch. The cursor is closed however the rows end (done, failed, or the client went away).
 */
export async function* rowsByBatch<T>(
  cursor: ExportCursor<T>,
  toRows: (batch: T[]) => Promise<CsvCell[][]>,
): AsyncGenerator<CsvCell[]> {
  try {
    for await (const batch of batches(cursor, exportBatchSize)) yield* await toRows(batch);
  } finally {
    await cursor.close();
  }
}
