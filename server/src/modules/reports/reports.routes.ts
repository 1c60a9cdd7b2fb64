import { Router } from 'express';
import { summaryQuery } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { clock } from '../../lib/clock.js';
import { reportFloor } from './report-floor.js';
import { reportSummary } from './report-summary.js';

export const reportsRoutes = apiRoutes(Router(), '/api/reports', 'Reports');

reportsRoutes.get(
  '/floor',
  {
    summary:
      "The live floor: the due queue (why, waiting since, the client's local time, who holds each), the staff on the floor with what each holds and their calls today, and today's totals",
    access: { right: 'reports.view' },
  },
  async ({ user }) => ({ body: await reportFloor(user, clock.now()) }),
);

reportsRoutes.get(
  '/summary',
  {
    summary:
      "Per manager and for the team, from one date to another (inclusive, in the call centre's time zone): calls, contact rate, outcomes, talk time, attempts to reach, speed to first call, orders paid within 7 days, letters; and calls by hour of day",
    access: { right: 'reports.view' },
    query: summaryQuery,
    responses: { 200: 'OK', 404: 'No such manager' },
  },
  async ({ query }) => ({ body: await reportSummary(query) }),
);
