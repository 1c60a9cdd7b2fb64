import express, { type Express } from 'express';
import session from 'express-session';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Env } from './config/env.js';
import { repoRoot } from './config/env.js';
import { errorHandler, rememberRouteBase } from './http/error-handler.js';
import { requestGuard } from './http/request-guard.js';
import { securityHeaders } from './http/security-headers.js';
import { wireModules } from './wiring.js';
import { AppError } from './lib/errors.js';
import { MongooseSessionStore, sessionIdleMs } from './modules/sessions/index.js';
import { authRoutes } from './modules/auth/index.js';
import { healthRoutes } from './modules/health/index.js';
import { usersRoutes } from './modules/users/index.js';
import { settingsRoutes } from './modules/settings/index.js';
import type { ApiRoutes } from './http/route.js';
import { templateRoutes } from './modules/templates/index.js';
import { letterRoutes, paymentReminderRoutes, templatePreviewRoutes } from './modules/letters/index.js';
import { clientsRoutes } from './modules/clients/index.js';
import {
  clientOrdersRoutes,
  orderBulkRoutes,
  orderExportRoutes,
  ordersRoutes,
  paymentCheckRoutes,
} from './modules/orders/index.js';
import { intakeRoutes } from './modules/intake/index.js';
import { callsExportRoutes, clientCallsRoutes, orderCallsRoutes, taskCallsRoutes } from './modules/calls/index.js';
import { reportsRoutes } from './modules/reports/index.js';
import { queueRoutes } from './modules/queue/index.js';
import { tasksRoutes } from './modules/tasks/index.js';
import { attachmentsRoutes, orderAttachmentsRoutes } from './modules/attachments/index.js';
import { eventsRoutes } from './modules/events/index.js';
import { databaseGuard } from './http/database-guard.js';
import {
  configureStatusLinks,
  publicOrderRoutes,
  statusLinkRoutes,
  statusPageRoutes,
} from './modules/status-page/index.js';
import { auditRoutes } from './modules/audit/index.js';

const moduleRoutes: ApiRoutes[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  settingsRoutes,
  clientsRoutes,
  clientOrdersRoutes,
  orderBulkRoutes,
  orderExportRoutes,
  ordersRoutes,
  paymentCheckRoutes,
  intakeRoutes,
  orderCallsRoutes,
  clientCallsRoutes,
  callsExportRoutes,
  reportsRoutes,
  queueRoutes,
  tasksRoutes,
  taskCallsRoutes,
  orderAttachmentsRoutes,
  attachmentsRoutes,
  eventsRoutes,
  templateRoutes,
  templatePreviewRoutes,
  letterRoutes,
  paymentReminderRoutes,
  auditRoutes,
  statusLinkRoutes,
  publicOrderRoutes,
];

/** Builds the Express app without listening, so tests run it in-process. */
export function createApp(env: Env): Express {
  wireModules();
  configureStatusLinks({ publicUrl: env.publicUrl, secret: env.sessionSecret });
  const app = express();
  app.locals.env = env;
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default): req.ip
  // is what the sign-in throttle counts by and the order's IP.
  app.set('trust proxy', env.trustProxy);
  app.use(securityHeaders(env));
  app.use('/api', requestGuard(env));
  app.use('/api', databaseGuard);
  app.use('/api', express.json({ limit: '1mb' }));
  app.use(
    '/api',
    session({
      name: 'cb.sid',
      secret: env.sessionSecret,
      store: new MongooseSessionStore(),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: env.cookieSecure, maxAge: sessionIdleMs },
    }),
  );
  for (const routes of moduleRoutes) app.use(routes.basePath, rememberRouteBase, routes.router);
  app.use('/api', (req, _res, next) => next(new AppError('not_found', `No route ${req.method} ${req.originalUrl}`)));
  // The customer's own page: server-rendered, outside the SPA and its session.
  app.use(statusPageRoutes.basePath, rememberRouteBase, statusPageRoutes.router);

  const clientDist = path.join(repoRoot, 'client', 'dist');
  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // The SPA owns every other path (deep links such as /orders/123).
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
