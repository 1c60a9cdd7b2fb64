import { Router } from 'express';
import { queueQuery } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { apiRoutes } from '../../http/route.js';
import { claimNextQueueItem, listQueue } from './queue.service.js';

export const queueRoutes = apiRoutes(Router(), '/api/queue', 'Queue');

queueRoutes.get(
  '',
  {
    summary:
      'Orders and call tasks due now that the caller may take, longest waiting first, with who holds each and why it is due',
    access: 'staff',
    query: queueQuery,
  },
  async ({ query, user }) => ({ body: { items: await listQueue(user, clock.now(), query.limit) } }),
);

queueRoutes.post(
  '/claim',
  {
    summary:
      'Claim the next due item nobody else holds (for the claim period, or until a call is recorded on it); 204 when nothing is due',
    access: 'staff',
    responses: { 200: 'Claimed', 204: 'Nothing due' },
  },
  async ({ user }) => {
    const item = await claimNextQueueItem(user, clock.now());
    return item ? { body: { item } } : { status: 204 };
  },
);
