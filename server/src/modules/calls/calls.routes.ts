import { Router } from 'express';
import { callsExportQuery, clientCallsQuery, idParams, recordCallBody } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { idempotencyKeyOf } from '../../http/idempotency.js';
import { getChangeableTaskDoc } from '../tasks/index.js';
import { recordCall } from './call-recording.js';
import { listClientCalls } from './call-history.js';
import { callExportHeader, callExportRows } from './call-export.js';
import { sendCsv } from '../../lib/csv.js';
import { zoneDayRange } from '../../lib/day-range.js';
import { getSettings } from '../settings/index.js';

export const orderCallsRoutes = apiRoutes(Router(), '/api/orders', 'Calls');

orderCallsRoutes.post(
  '/:id/calls',
  {
    summary:
      'Record a call on an order (one of the six outcomes) with its effects; a retried request with the same Idempotency-Key header records it once',
    access: 'staff',
    params: idParams,
    body: recordCallBody,
    responses: {
      201: 'Recorded',
      404: 'Order not found',
      409: 'Idempotency-Key reused with another body, or a status change not allowed',
      422: 'Letter variables missing',
    },
  },
  async ({ params, body, user, req }) => ({
    status: 201,
    body: await recordCall({ kind: 'order', id: params.id }, body, user, idempotencyKeyOf(req)),
  }),
);

export const taskCallsRoutes = apiRoutes(Router(), '/api/tasks', 'Tasks');

taskCallsRoutes.post(
  '/:id/calls',
  {
    summary:
      'Record a call on a call task: the same body and re-call rules as an order call (managers: their own or unassigned tasks)',
    access: 'staff',
    params: idParams,
    body: recordCallBody,
    responses: {
      201: 'Recorded',
      403: "Another manager's task",
      404: 'Task not found',
      409: 'Not a call task, or Idempotency-Key reused with another body',
    },
  },
  async ({ params, body, user, req }) => {
    await getChangeableTaskDoc(params.id, user);
    return { status: 201, body: await recordCall({ kind: 'task', id: params.id }, body, user, idempotencyKeyOf(req)) };
  },
);

export const clientCallsRoutes = apiRoutes(Router(), '/api/clients', 'Clients');

clientCallsRoutes.get(
  '/:id/calls',
  {
    summary:
      'The client\'s calls: kind=order (the card\'s "All order calls") or kind=task ("All task calls"), newest first',
    access: 'staff',
    params: idParams,
    query: clientCallsQuery,
    responses: { 200: 'OK', 404: 'Client not found' },
  },
  async ({ params, query }) => ({ body: await listClientCalls(params.id, query) }),
);

export const callsExportRoutes = apiRoutes(Router(), '/api/calls', 'Calls');

callsExportRoutes.get(
  '/export.csv',
  {
    summary:
      "The calls made from one date to another (inclusive, in the call centre's time zone) as a CSV download, oldest first, streamed, UTF-8 with a byte order mark, cells that could run as formulas prefixed with '",
    access: { right: 'reports.view' },
    query: callsExportQuery,
    responses: { 200: 'text/csv' },
  },
  async ({ query, res }) => {
    const { timeZone } = await getSettings();
    await sendCsv(res, {
      filename: `calls-${query.from}-to-${query.to}.csv`,
      header: callExportHeader(timeZone),
      rows: callExportRows(zoneDayRange(query, timeZone), timeZone),
    });
    return undefined;
  },
);
