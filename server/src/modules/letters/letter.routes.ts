import { Router } from 'express';
import { idParams, letterListQuery, previewBody, userActor } from '@callboard/shared';
import type { Env } from '../../config/env.js';
import { apiRoutes } from '../../http/route.js';
import { previewLetter } from './letter-compose.js';
import { listLetters } from './letter-outbox.js';
import { sendPaymentReminder } from './letter-triggers.js';

export const letterRoutes = apiRoutes(Router(), '/api/letters', 'Letters');

letterRoutes.get(
  '',
  {
    summary:
      'The outbox: letters (of one order), newest first; `smtpConfigured: false` means queued letters wait for SMTP_URL',
    access: 'staff',
    query: letterListQuery,
  },
  async ({ query, req }) => ({
    body: { ...(await listLetters(query)), smtpConfigured: Boolean((req.app.locals.env as Env).smtpUrl) },
  }),
);

export const paymentReminderRoutes = apiRoutes(Router(), '/api/orders', 'Orders');

paymentReminderRoutes.post(
  '/:id/payment-reminder',
  {
    summary: 'Queue the payment letter again (total, and bank account or payment link)',
    access: 'staff',
    params: idParams,
    responses: {
      202: 'Queued',
      404: 'Order not found',
      409: 'The order is paid or closed',
      422: 'Missing variables or no client e-mail',
    },
  },
  async ({ params, user }) => ({
    status: 202,
    body: { letter: await sendPaymentReminder(params.id, userActor(user)) },
  }),
);

// Under the templates' path for the editor, but it renders for an order: composing is this module's job.
export const templatePreviewRoutes = apiRoutes(Router(), '/api/templates', 'Templates');

templatePreviewRoutes.post(
  '/preview',
  {
    summary: 'Render a letter for an order exactly as sending would, listing missing and unknown variables',
    access: 'staff',
    body: previewBody,
    responses: { 200: 'OK', 404: 'Order not found' },
  },
  async ({ body }) => ({ body: await previewLetter(body) }),
);
