import { Router } from 'express';
import { orderListQuery } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { clock } from '../../lib/clock.js';
import { sendCsv } from '../../lib/csv.js';
import { orderExportHeader, orderExportRows } from './order-export.js';

/** Mounted before the orders routes, so `/export.csv` is never read as an order id. */
export const orderExportRoutes = apiRoutes(Router(), '/api/orders/export.csv', 'Orders');

orderExportRoutes.get(
  '',
  {
    summary:
      "The orders list's matches as a CSV download (the list's query; page and limit are ignored), streamed, UTF-8 with a byte order mark, cells that could run as formulas prefixed with '",
    access: 'staff',
    query: orderListQuery,
    responses: { 200: 'text/csv' },
  },
  async ({ query, res }) => {
    const { page: _page, limit: _limit, ...filters } = query;
    const day = clock.now().toISOString().slice(0, 10);
    await sendCsv(res, { filename: `orders-${day}.csv`, header: orderExportHeader, rows: orderExportRows(filters) });
    return undefined;
  },
);
