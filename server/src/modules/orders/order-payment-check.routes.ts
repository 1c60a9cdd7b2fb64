import { Router } from 'express';
import { confirmPaymentBody, idParams, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { confirmPaymentCheck, reopenPaymentCheck } from './order-payment-check.service.js';

/** An admin's two answers to an order a call flagged "already paid" (the list's "Payments to check"). */
export const paymentCheckRoutes = apiRoutes(Router(), '/api/orders', 'Orders');

paymentCheckRoutes.post(
  '/:id/payment-check/confirm',
  {
    summary:
      'Confirm the payment of an order flagged "already paid": records what is left to pay (the order becomes paid) and clears the flag',
    access: 'admin',
    params: idParams,
    body: confirmPaymentBody,
    responses: { 200: 'OK', 404: 'Not found', 409: 'Not flagged for a payment check' },
  },
  async ({ params, body, user }) => ({
    body: { order: await confirmPaymentCheck(params.id, body, userActor(user)) },
  }),
);

paymentCheckRoutes.post(
  '/:id/payment-check/reopen',
  {
    summary: 'The payment of an order flagged "already paid" was not found: clears the flag and makes the call due now',
    access: 'admin',
    params: idParams,
    responses: { 200: 'OK', 404: 'Not found', 409: 'Not flagged, or no longer worked by phone' },
  },
  async ({ params, user }) => ({ body: { order: await reopenPaymentCheck(params.id, userActor(user)) } }),
);
