import { Router } from 'express';
import { idParams, templateBody, templateListQuery, updateTemplateBody, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import * as templates from './template.service.js';

export const templateRoutes = apiRoutes(Router(), '/api/templates', 'Templates');

const write = { right: 'templates.write' } as const;

templateRoutes.get(
  '',
  {
    summary: 'List letter templates, optionally the ones for an outcome, status, event or locale',
    access: 'staff',
    query: templateListQuery,
  },
  async ({ query }) => ({ body: { items: await templates.listTemplates(query) } }),
);

templateRoutes.get(
  '/:id',
  { summary: 'Get a letter template', access: 'staff', params: idParams, responses: { 200: 'OK', 404: 'Not found' } },
  async ({ params }) => ({ body: { template: await templates.getTemplate(params.id) } }),
);

templateRoutes.post(
  '',
  {
    summary: 'Create a letter template (its HTML is sanitised)',
    access: write,
    body: templateBody,
    responses: { 201: 'Created', 409: 'That outcome, status or event already has a default template in this locale' },
  },
  async ({ body, user }) => ({
    status: 201,
    body: { template: await templates.createTemplate(body, userActor(user)) },
  }),
);

templateRoutes.patch(
  '/:id',
  {
    summary: 'Change a letter template',
    access: write,
    params: idParams,
    body: updateTemplateBody,
    responses: {
      200: 'OK',
      404: 'Not found',
      409: 'That outcome, status or event already has a default template in this locale',
    },
  },
  async ({ params, body, user }) => ({
    body: { template: await templates.updateTemplate(params.id, body, userActor(user)) },
  }),
);

templateRoutes.delete(
  '/:id',
  {
    summary: 'Delete a letter template',
    access: write,
    params: idParams,
    responses: { 204: 'Deleted', 404: 'Not found', 409: 'The settings use it for a status e-mail' },
  },
  async ({ params, user }) => {
    await templates.deleteTemplate(params.id, userActor(user));
    return { status: 204 };
  },
);
