import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import { logger } from './logger.js';

export type CsvCell = string | number | boolean | Date | null | undefined;

/** Byte order mark: spreadsheet programs then read the file as UTF-8, accents included. */
const bom = '\uFEFF';

/** A cell a spreadsheet would run as a formula (or a DDE command) starts with one of these. */
const formulaStart = /^[=+\-@\t\r]/;

/** One cell as RFC 4180 writes it, with a would-be formula neutralised by a leading apostrophe. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** A date as a spreadsheet shows it, on the given zone's clock: `2025-03-01 09:30`. */
export const csvDateTime = (date: Date | null | undefined, zone: string) =>
  date ? DateTime.fromJSDate(date, { zone }).toFormat('yyyy-MM-dd HH:mm') : null;

/**
 * Streams a CSV download: the header row, then each row as `rows` yields it. The response pulls
 * rows only as fast as the client reads (backpressure), so memory stays flat whatever the size;
 * a client that goes away stops the rows (and so the database cursor behind them). The first row
 * is read before anything is sent, so a failure there answers as any error does; a later one
 * cuts the download short.
 */
export async function sendCsv(
  res: Response,
  file: { filename: string; header: readonly string[]; rows: AsyncIterable<readonly CsvCell[]> },
): Promise<void> {
  const rows = file.rows[Symbol.asyncIterator]();
  const first = await rows.next();
  async function* lines(): AsyncGenerator<string> {
    yield bom + csvRow(file.header);
    if (first.done) return;
    yield csvRow(first.value);
    for (let next = await rows.next(); !next.done; next = await rows.next()) yield csvRow(next.value);
  }
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(Readable.from(lines(), { objectMode: false }), res);
  } catch (err) {
    if (!res.destroyed) res.destroy();
    if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.error('CSV export failed', err);
  } finally {
    await rows.return?.();
  }
}
