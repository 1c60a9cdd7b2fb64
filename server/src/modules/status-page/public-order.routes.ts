import { Router, type RequestHandler } from 'express';
import { customerCallbackBody, customerMessageBody, statusPageQuery, statusTokenParams } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { customerView } from './customer-view.service.js';
import { bookCallback, leaveMessage, reportPayment } from './customer-actions.service.js';
import { openStatusLink, throttleAction } from './status-page.throttle.js';

/** The customer's page as JSON, for integrations: the same view and actions as the HTML page. */
export const publicOrderRoutes = apiRoutes(Router(), '/api/public/orders', 'Customer page');

/** A customer's order must not stay in a shared cache (a proxy, a shared computer's browser). */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'private, no-store');
  next();
};

const limits = { 404: 'Wrong or revoked token', 429: 'Too many requests from this address' };

publicOrderRoutes.get(
  '/:token',
  {
    summary: "The customer's view of an order: status, items, what is left to pay and how, public notes",
    access: 'public',
    params: statusTokenParams,
    query: statusPageQuery.pick({ lang: true }),
    responses: { 200: '{order, notes}', ...limits },
    before: [noStore],
  },
  async ({ params, query, req }) => {
    const orderId = await openStatusLink(req.ip ?? '', params.token);
    const view = await customerView(orderId, { acceptLanguage: req.get('accept-language'), asked: query.lang });
    return { body: view.public };
  },
);

publicOrderRoutes.post(
  '/:token/callback',
  {
    summary: "Book a callback within the calling hours of the customer's zone",
    access: 'public',
    params: statusTokenParams,
    body: customerCallbackBody,
    responses: { 202: 'Booked', 400: 'Outside the calling hours, past, or too far ahead', ...limits },
    before: [noStore],
  },
  async ({ params, body, req }) => {
    const orderId = await openStatusLink(req.ip ?? '', params.token);
    await throttleAction(req.ip ?? '');
    await bookCallback(orderId, new Date(body.at));
    return { status: 202, body: { ok: true } };
  },
);

publicOrderRoutes.post(
  '/:token/message',
  {
    summary: "Leave a message: a note on the order and a task for the order's manager",
    access: 'public',
    params: statusTokenParams,
    body: customerMessageBody,
    responses: { 202: 'Received', ...limits },
    before: [noStore],
  },
  async ({ params, body, req }) => {
    const orderId = await openStatusLink(req.ip ?? '', params.token);
    await throttleAction(req.ip ?? '');
    await leaveMessage(orderId, body.text);
    return { status: 202, body: { ok: true } };
  },
);

publicOrderRoutes.post(
  '/:token/paid',
  {
    summary: '"I have paid": flags the order for an administrator to check the payment',
    access: 'public',
    params: statusTokenParams,
    responses: { 202: 'Flagged', ...limits },
    before: [noStore],
  },
  async ({ params, req }) => {
    const orderId = await openStatusLink(req.ip ?? '', params.token);
    await throttleAction(req.ip ?? '');
    await reportPayment(orderId);
    return { status: 202, body: { ok: true } };
  },
);
