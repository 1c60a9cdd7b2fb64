import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { expectNoSeriousViolations } from './a11y';
import { apiSession, launchBrowser, repoRoot, startServer, startSmtp, type RunningServer } from './harness';

jest.setTimeout(180_000);

const password = 'callboard-demo';
const shots = path.join(repoRoot, 'docs', 'screenshots');

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: RunningServer;
let context: BrowserContext;
let admin: Page;
let asManager: Awaited<ReturnType<typeof apiSession>>;

/** An order of our own, due in the queue at once, with a phone and e-mail no demo client has. */
const stamp = String(Date.now()).slice(-8);
const email = `e2e-pay-${stamp}@example.com`;
let order: { id: string; number: number };

type QueueItemLite = { order?: { id: string } };

/** A time zone where it is now between 10:00 and 19:00, so the client is inside the calling hours whenever the run is. */
function zoneInCallingHours(): string {
  const zones = [
    'Europe/Madrid',
    'America/New_York',
    'America/Los_Angeles',
    'Pacific/Honolulu',
    'Asia/Tokyo',
    'Asia/Kolkata',
  ];
  const zone = zones.find((z) => {
    const hour = DateTime.now().setZone(z).hour;
    return hour >= 10 && hour < 19;
  });
  if (!zone) throw new Error('no zone in calling hours');
  return zone;
}

async function managerQueueIds(): Promise<string[]> {
  const res = await asManager('GET', '/api/queue?limit=200');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: QueueItemLite[] }).items.flatMap((i) => (i.order ? [i.order.id] : []));
}

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer(smtp.port);
  const api = await apiSession(server.url, 'ana.admin@callboard.test', password);
  const created = await api('POST', '/api/orders', {
    client: { name: 'Paula Pagos', phone: `+346${stamp}`, email, timezone: zoneInCallingHours() },
    items: [
      { name: 'Walnut desk', quantity: 1, unitPrice: 180 },
      { name: 'Desk lamp', quantity: 2, unitPrice: 24.5 },
    ],
    currency: 'EUR',
    paymentMethod: 'card',
  });
  if (created.status !== 201) throw new Error(`order: ${created.status} ${await created.text()}`);
  order = ((await created.json()) as { order: { id: string; number: number } }).order;
  asManager = await apiSession(server.url, 'marta@callboard.test', password);
  context = await launchBrowser();
  admin = context.pages()[0] ?? (await context.newPage());
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  await smtp?.stop();
});

describe('payments in Chromium', () => {
  it("an admin records payments covering the total: the order becomes paid and leaves a manager's queue", async () => {
    expect(await managerQueueIds()).toContain(order.id);

    await admin.goto(`${server.url}/`);
    await admin.waitForURL(/\/login/);
    await admin.getByLabel('E-mail').fill('ana.admin@callboard.test');
    await admin.getByLabel('Password').fill(password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByTestId('current-user').waitFor();
    await admin.goto(`${server.url}/orders/${order.id}`);
    await admin.getByTestId('order-status').getByText('Pending').waitFor();

    // An advance first: partly paid, still pending.
    await admin.getByTestId('add-payment').click();
    let dialog = admin.getByRole('dialog');
    await expect(dialog.getByLabel(/^Amount/).inputValue()).resolves.toBe('229.00');
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await admin.getByRole('option', { name: 'Advance (prepayment)' }).click();
    await dialog.getByLabel(/^Amount/).fill('50');
    await dialog.getByLabel('Payment system').fill('Bizum');
    await dialog.getByTestId('payment-save').click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByText('Partially paid').waitFor();
    await admin.getByTestId('order-status').getByText('Pending').waitFor();

    // The rest, by card: the status follows without a reload.
    await admin.getByTestId('add-payment').click();
    dialog = admin.getByRole('dialog');
    await expect(dialog.getByLabel(/^Amount/).inputValue()).resolves.toBe('179.00');
    await dialog.getByLabel('Transaction id').fill(`TX-${stamp}`);
    await dialog.getByLabel('Payment system').fill('Redsys');
    await dialog.getByTestId('payment-save').click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByTestId('order-status').getByText('Paid').waitFor();

    await admin.getByTestId('payments-tab').click();
    const table = admin.getByTestId('payments-table');
    await table.waitFor();
    const rows = table.getByTestId('payment-row');
    await expect(rows.count()).resolves.toBe(2);
    const advance = await rows.nth(0).innerText();
    for (const cell of ['€50.00', 'Advance (prepayment)', 'card', 'Bizum', 'Ana']) expect(advance).toContain(cell);
    await expect(rows.nth(1).innerText()).resolves.toContain(`TX-${stamp}`);
    await expect(rows.nth(1).innerText()).resolves.toContain('Redsys');
    await expect(rows.nth(1).innerText()).resolves.toContain('€179.00');
    await expectNoSeriousViolations(admin, 'order card: payments table');
    await admin.screenshot({ path: path.join(shots, 'payments-table-light.png') });

    // The manager's queue no longer offers it.
    expect(await managerQueueIds()).not.toContain(order.id);
    const stored = await asManager('GET', `/api/orders/${order.id}`);
    expect(((await stored.json()) as { order: { status: string; call: { state: string } } }).order).toMatchObject({
      status: 'paid',
      call: { state: 'closed' },
    });
  });
});
