import { Router } from 'express';
import { bulkActionRight, bulkBody, bulkJobParams, hasRight } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { forbidden } from '../../lib/errors.js';
import { getBulkJob, startBulkJob } from './order-bulk.service.js';

/** Mounted before the orders routes, so `/bulk` is never read as an order id. */
export const orderBulkRoutes = apiRoutes(Router(), '/api/orders/bulk', 'Orders');

orderBulkRoutes.post(
  '',
  {
    summary:
      'Change the status, assign a manager or add and remove tags on many orders (ids, or all matching a list query) in the background',
    // The right depends on the action, as for the same change on one order: checked below.
    access: 'staff',
    body: bulkBody,
    responses: { 202: 'Started: the job, to follow with GET', 403: 'forbidden', 422: 'Selection too large' },
  },
  async ({ body, user }) => {
    const right = bulkActionRight(body.action.type);
    if (!hasRight(user, right)) throw forbidden(`This needs the "${right}" right`);
    return { status: 202, body: { job: await startBulkJob(body.selection, body.action, user) } };
  },
);

orderBulkRoutes.get(
  '/:jobId',
  {
    summary: "A bulk job's progress: done, changed, skipped with reasons, state",
    access: 'staff',
    params: bulkJobParams,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params, user }) => ({ body: { job: await getBulkJob(params.jobId, user) } }),
);
