import { Router } from 'express';
import { clientCallsQuery, idParams, recordCallBody } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { idempotencyKeyOf } from '../../http/idempotency.js';
import { getChangeableTaskDoc } from '../tasks/index.js';
import { recordCall } from './call-recording.js';
import { listClientCalls } from './call-history.js';

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
