import { Router } from 'express';
import { idParams, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { createStatusLink, getStatusLink, revokeStatusLink } from './status-link.service.js';

/** Staff's side of the customer's page: the order's link, shown, made (or replaced) and revoked. */
export const statusLinkRoutes = apiRoutes(Router(), '/api/orders', 'Customer page');

statusLinkRoutes.get(
  '/:id/status-link',
  {
    summary: "The order's link to the customer's page, or null when it has none",
    access: 'staff',
    params: idParams,
    responses: { 200: '{link: {url, token, createdAt} | null}', 404: 'No such order' },
  },
  async ({ params }) => ({ body: { link: await getStatusLink(params.id) } }),
);

statusLinkRoutes.post(
  '/:id/status-link',
  {
    summary: "Make a new link to the customer's page (an old one stops working)",
    access: 'staff',
    params: idParams,
    responses: { 201: '{url, token}', 404: 'No such order' },
  },
  async ({ params, user }) => {
    const link = await createStatusLink(params.id, userActor(user));
    return { status: 201, body: { url: link.url, token: link.token, createdAt: link.createdAt } };
  },
);

statusLinkRoutes.delete(
  '/:id/status-link',
  {
    summary: "Revoke the order's link: its address answers 404 from then on",
    access: 'staff',
    params: idParams,
    responses: { 204: 'Revoked (or there was none)', 404: 'No such order' },
  },
  async ({ params, user }) => {
    await revokeStatusLink(params.id, userActor(user));
    return { status: 204 };
  },
);
