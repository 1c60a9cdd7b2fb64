import { Router, type Request } from 'express';
import {
  changeStatusBody,
  clientOrdersQuery,
  createOrderBody,
  idParams,
  orderListQuery,
  orderNoteBody,
  paymentBody,
  updateOrderBody,
  userActor,
} from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { orderTimeline } from '../timeline/index.js';
import { getClientDoc } from '../clients/index.js';
import { getOrderDoc, getOrderWithClient, listOrders } from './order.service.js';
import { createOrder } from './order-create.service.js';
import { assertMayEditOrder, deleteOrder, updateOrder } from './order-edit.service.js';
import { setOrderStatus } from './order-status.service.js';
import { addOrderNote } from './order-notes.service.js';
import { addPayment } from './order-payments.service.js';

export const ordersRoutes = apiRoutes(Router(), '/api/orders', 'Orders');

/** The caller's address as the order keeps it (IPv4 without the IPv6-mapped prefix). */
export function requestIp(req: Request): string | null {
  return req.ip ? req.ip.replace(/^::ffff:(?=\d+\.)/, '') : null;
}

ordersRoutes.get(
  '',
  {
    summary: 'List orders, newest first (default status filter: pending, reserved, paid; status=all for every status)',
    access: 'staff',
    query: orderListQuery,
  },
  async ({ query }) => ({ body: await listOrders(query) }),
);

ordersRoutes.post(
  '',
  {
    summary: 'Create an order as staff (same body as intake)',
    access: 'staff',
    body: createOrderBody,
    responses: { 201: 'Created' },
  },
  async ({ body, user, req }) => ({
    status: 201,
    body: { order: await createOrder(body, userActor(user), requestIp(req)) },
  }),
);

ordersRoutes.get(
  '/:id',
  {
    summary: 'An order with its client',
    access: 'staff',
    params: idParams,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params }) => ({ body: await getOrderWithClient(params.id) }),
);

ordersRoutes.patch(
  '/:id',
  {
    summary:
      'Change items, discount, manager, tags, funnel and stage, auto-cancel date, delivery, payment method, source, channel, income or expenses (all but the auto-cancel date need the orders.edit right)',
    access: 'staff',
    params: idParams,
    body: updateOrderBody,
    responses: {
      200: 'OK',
      403: 'Needs the orders.edit right',
      404: 'Not found',
      409: 'Changed meanwhile, or a field the paid or closed order no longer lets change',
    },
  },
  async ({ params, body, user }) => {
    assertMayEditOrder(user, body);
    return { body: { order: await updateOrder(params.id, body, userActor(user)) } };
  },
);

ordersRoutes.delete(
  '/:id',
  {
    summary: 'Delete an order nothing happened to (one with payments, calls or notes must be cancelled instead)',
    access: { right: 'orders.delete' },
    params: idParams,
    responses: { 204: 'Deleted', 404: 'Not found', 409: 'Has history: cancel it instead' },
  },
  async ({ params, user }) => {
    await deleteOrder(params.id, userActor(user));
    return { status: 204 };
  },
);

ordersRoutes.post(
  '/:id/status',
  {
    summary: 'Change the status by hand (may e-mail the client and the admin)',
    access: { right: 'orders.status' },
    params: idParams,
    body: changeStatusBody,
    responses: { 200: 'OK', 404: 'Not found', 409: 'transition_not_allowed' },
  },
  async ({ params, body, user }) => {
    const { status, ...opts } = body;
    return { body: { order: await setOrderStatus(params.id, status, userActor(user), opts) } };
  },
);

ordersRoutes.get(
  '/:id/timeline',
  {
    summary: "The order's history, newest first",
    access: 'staff',
    params: idParams,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params }) => {
    await getOrderDoc(params.id);
    return { body: { items: await orderTimeline(params.id) } };
  },
);

ordersRoutes.post(
  '/:id/notes',
  {
    summary: 'Add a private or public note',
    access: 'staff',
    params: idParams,
    body: orderNoteBody,
    responses: { 201: 'Created', 404: 'Not found' },
  },
  async ({ params, body, user }) => ({
    status: 201,
    body: { note: await addOrderNote(params.id, body, userActor(user)) },
  }),
);

ordersRoutes.post(
  '/:id/payments',
  {
    summary: 'Record a payment, an advance or a refund',
    access: 'staff',
    params: idParams,
    body: paymentBody,
    responses: { 201: 'Created', 404: 'Not found' },
  },
  async ({ params, body, user }) => ({
    status: 201,
    body: { order: await addPayment(params.id, body, userActor(user)) },
  }),
);

/** The client page's order list: the client's URL, the orders module's query. */
export const clientOrdersRoutes = apiRoutes(Router(), '/api/clients', 'Clients');

clientOrdersRoutes.get(
  '/:id/orders',
  {
    summary: "The client's orders, newest first",
    access: 'staff',
    params: idParams,
    query: clientOrdersQuery,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params, query }) => {
    await getClientDoc(params.id);
    return { body: await listOrders({ ...query, status: ['all'], clientId: params.id }) };
  },
);
