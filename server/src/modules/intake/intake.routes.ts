import { Router } from 'express';
import { createOrderBody } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { idempotencyKeyOf } from '../../http/idempotency.js';
import { createOrder, requestIp } from '../orders/index.js';

export const intakeRoutes = apiRoutes(Router(), '/api/intake', 'Intake');

intakeRoutes.post(
  '/orders',
  {
    summary:
      'A new order from the shop website (X-Api-Key); the client is matched by phone or e-mail, else created. A retried request with the same Idempotency-Key header creates the order once',
    access: 'intake',
    body: createOrderBody,
    responses: { 201: 'Created' },
  },
  async ({ body, req }) => {
    const actor = { type: 'intake' as const, id: null, name: body.source ?? 'Shop website' };
    const idempotencyKey = idempotencyKeyOf(req);
    const order = await createOrder(body, actor, requestIp(req), {
      ...(idempotencyKey ? { idempotencyKey: `intake:${idempotencyKey}` } : {}),
    });
    return { status: 201, body: { order } };
  },
);
