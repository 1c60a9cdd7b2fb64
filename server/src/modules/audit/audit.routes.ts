import { Router } from 'express';
import { auditExportQuery, auditListQuery } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { sendCsv } from '../../lib/csv.js';
import { clock } from '../../lib/clock.js';
import { listAudit } from './audit-reads.js';
import { auditExportHeader, auditExportRows } from './audit-export.js';

export const auditRoutes = apiRoutes(Router(), '/api/audit', 'Audit');

auditRoutes.get(
  '',
  {
    summary: 'The audit log: who changed which order, client, setting, template or user, when, from what to what',
    access: 'admin',
    query: auditListQuery,
  },
  async ({ query }) => ({ body: await listAudit(query) }),
);

auditRoutes.get(
  '/export.csv',
  {
    summary:
      "The audit log with the list's filters as a CSV download, newest first, streamed, UTF-8 with a byte order mark, cells that could run as formulas prefixed with '",
    access: 'admin',
    query: auditExportQuery,
    responses: { 200: 'text/csv' },
  },
  async ({ query, res }) => {
    await sendCsv(res, {
      filename: `audit-${clock.now().toISOString().slice(0, 10)}.csv`,
      header: auditExportHeader,
      rows: auditExportRows(query),
    });
    return undefined;
  },
);
