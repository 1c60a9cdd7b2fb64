import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { asBytes, csvRows } from '../../../test/csv-download.js';
import { ClientModel } from '../../clients/client.model.js';
import { OrderModel } from '../order.model.js';
import { makeOrder, uniqueTag } from './orders-fixtures.js';

// A full collection on demand, for measuring what stays alive (tests only).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ctx = useTestApp();

describe('GET /api/orders/export.csv', () => {
  it("has the list's rows for the same query, with a byte order mark, accents intact and formulas neutralised", async () => {
    const tag = uniqueTag();
    await makeOrder({ client: { name: 'José Núñez', email: 'jose@example.com' }, tags: [tag] });
    await makeOrder({ client: { name: '=HYPERLINK("http://x","y")', email: 'f@example.com' }, tags: [tag] });
    await makeOrder({ client: { name: '@Ñandú, "the bird"', email: 'n@example.com' }, tags: [tag], source: '-2+3' });
    await makeOrder({ client: { name: 'Other', email: 'o@example.com' } });
    const { agent } = await signedInAgent(ctx, 'manager');

    const list = await agent.get(`/api/orders?status=all&tag=${tag}`);
    expect(list.body.total).toBe(3);
    const res = await asBytes(agent.get(`/api/orders/export.csv?status=all&tag=${tag}&page=1&limit=1`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(body);
    expect(rows[0]!.slice(0, 6)).toEqual(['Number', 'Created', 'Status', 'Payment', 'Client', 'Manager']);
    expect(rows.length - 1).toBe(list.body.total);
    const byNumber = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    for (const order of list.body.items as { number: number; clientName: string }[])
      expect(byNumber.has(order.number)).toBe(true);
    // Newest first on MongoDB, stored order on the embedded database (db/stream-order.ts).
    const byAge = rows.slice(1).sort((x, y) => Number(x[0]) - Number(y[0]));
    expect(byAge.map((r) => r[4])).toEqual(['José Núñez', '\'=HYPERLINK("http://x","y")', '\'@Ñandú, "the bird"']);
    expect(byAge[2]![12]).toBe("'-2+3");
    expect(byAge.map((r) => r[8])).toEqual(['49', '49', '49']);
  });

  it('exports nothing but the header when the search matches nothing', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await asBytes(agent.get('/api/orders/export.csv?q=nobody-by-this-name'));
    expect(res.status).toBe(200);
    expect(csvRows(res.body as Buffer)).toHaveLength(1);
  });

  it('refuses a bad query as the list does', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/orders/export.csv?status=nonsense')).status).toBe(400);
  });

  it('streams 20,000 orders with the heap growing by less than 50 MB', async () => {
    const clientIds = Array.from({ length: 100 }, () => new mongoose.Types.ObjectId());
    await ClientModel.insertMany(
      clientIds.map((_id, i) => ({ _id, name: `Bulk client ${i} Müller`, emails: [], phones: [] })),
    );
    const tag = uniqueTag();
    const shop = { type: 'intake', id: null, name: 'Shop website' };
    const items = Array.from({ length: 8 }, (_, i) => ({
      name: `Handmade ceramic item number ${i} with a long descriptive name`,
      quantity: 1 + i,
      unitPriceMinor: 1999,
    }));
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let chunk = 0; chunk < 10; chunk++) {
      await OrderModel.insertMany(
        Array.from({ length: 2_000 }, (_, i) => {
          const n = chunk * 2_000 + i;
          return {
            number: 500_000 + n,
            clientId: clientIds[n % 100],
            items,
            currency: 'EUR',
            totalMinor: 71_964,
            tags: [tag],
            createdBy: shop,
            createdAt: new Date(start + n * 60_000),
            updatedAt: new Date(start + n * 60_000),
          };
        }),
        { lean: true },
      );
    }
    const { agent } = await signedInAgent(ctx, 'manager');
    // What the export keeps alive, not garbage waiting for a collection (which depends on the collector's
    // timing): the heap is measured after a full collection, before and at every 256 kB of the stream.
    const liveHeap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = liveHeap();
    let peak = before;
    let lines = 0;
    let sinceSample = 0;
    const res = await agent
      .get(`/api/orders/export.csv?status=all&tag=${tag}`)
      .buffer(true)
      .parse((stream, cb) => {
        stream.on('data', (chunk: Buffer) => {
          for (const byte of chunk) if (byte === 0x0a) lines += 1;
          sinceSample += chunk.length;
          if (sinceSample >= 256 * 1024) {
            sinceSample = 0;
            peak = Math.max(peak, liveHeap());
          }
        });
        stream.on('end', () => cb(null, null));
      });
    expect(res.status).toBe(200);
    expect(lines - 1).toBe(20_000);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
  }, 300_000);
});
