import { Router } from 'express';
import { apiRoutes } from '../../http/route.js';
import { databaseIsUp } from '../../db/connection.js';
import { openApiDocument } from '../../http/openapi.js';

export const healthRoutes = apiRoutes(Router(), '/api', 'Health');

healthRoutes.get(
  '/health',
  { summary: 'Liveness and database status', access: 'public', responses: { 200: 'Up', 503: 'Database down' } },
  async () => {
    const up = await databaseIsUp();
    return { status: up ? 200 : 503, body: { ok: up, db: up ? 'up' : 'down' } };
  },
);

healthRoutes.get('/openapi.json', { summary: 'This OpenAPI document', access: 'public' }, () => ({
  body: openApiDocument(),
}));
