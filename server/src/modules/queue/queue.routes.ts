import { Router } from 'express';
import { claimBody, claimItemParams, queueQuery } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { apiRoutes } from '../../http/route.js';
import { countQueue, listQueue } from './queue-list.js';
import { claimNextQueueItem, releaseHeldItem } from './queue-claims.js';
import { notFound } from '../../lib/errors.js';
import { queueOutlook } from './queue-outlook.js';

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

queueRoutes.get(
  '/count',
  {
    summary:
      'How many items the caller could take now (as GET /api/queue filters them), counted up to 200; `more` says there are further ones',
    access: 'staff',
  },
  async ({ user }) => ({ body: await countQueue(user, clock.now(), 200) }),
);

queueRoutes.get(
  '/outlook',
  {
    summary:
      "Why nothing is offered to the caller now: due items outside their clients' calling hours and when those open, other managers' callbacks and until when, and when the next call falls due",
    access: 'staff',
  },
  async ({ user }) => ({ body: await queueOutlook(user, clock.now()) }),
);

queueRoutes.post(
  '/claim',
  {
    summary:
      'Claim the next due item nobody else holds (for the claim period, or until a call is recorded on it), passing over the ids in `except`; 204 when nothing is due',
    access: 'staff',
    body: claimBody,
    responses: { 200: 'Claimed', 204: 'Nothing due' },
  },
  async ({ user, body }) => {
    const item = await claimNextQueueItem(user, clock.now(), body.except);
    return item ? { body: { item } } : { status: 204 };
  },
);

queueRoutes.delete(
  '/claims/:itemId',
  {
    summary:
      "Release someone's hold on an order or call task (a call left open): it is offered to the next manager who claims at once",
    access: 'admin',
    params: claimItemParams,
    responses: { 204: 'Released', 404: 'Nobody holds it' },
  },
  async ({ params }) => {
    if (!(await releaseHeldItem(params.itemId, clock.now()))) throw notFound('Claim');
    return { status: 204 };
  },
);
