import { AppError } from '../lib/errors.js';

/** The driver's errors for a server it cannot reach or that stopped answering (names: two driver copies are loaded). */
const unavailableErrorNames = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** An error that says "the database is not there right now", not "this request is wrong". */
export function isDatabaseUnavailableError(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | null;
  return (
    unavailableErrorNames.has(e?.name ?? '') ||
    (e?.name === 'MongooseError' && /buffering timed out/.test(e.message ?? ''))
  );
}

export const databaseUnavailable = () =>
  new AppError('service_unavailable', 'The database is not answering; try again in a few seconds');
