import { onOneConnection } from './connection.js';

/**
 * The sort for a read streamed whole (an export), or none in the embedded mode. FerretDB sorts only
 * in memory, after reading every match, and answers one request at a time on the one connection:
 * sorting 20,000 orders there took 20 s before the first row (past the 10 s socket deadline) with
 * every other request waiting behind it, while unsorted it streams from the first batch. So
 * there rows come in stored order (about oldest first); MongoDB reads them sorted from an index.
 */
export const sortedForStream = <Q extends { sort(sort: Record<string, 1 | -1>): Q }>(
  query: Q,
  sort: Record<string, 1 | -1>,
): Q => (onOneConnection() ? query : query.sort(sort));
