import { Router, type Request } from 'express';
import { z } from 'zod';
import { clientCallsQuery, idParams, recordCallBody } from '@callboard/shared';
import { apiRoutes, validationError } from '../../http/route.js';
import { listClientCalls, recordCall } from './call.service.js';

const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .optional();

/** The Idempotency-Key header, validated like any input. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const parsed = idempotencyKey.safeParse(req.header('idempotency-key'));
  if (!parsed.success) throw validationError(parsed.error, 'Idempotency-Key header');
  return parsed.data;
}

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
