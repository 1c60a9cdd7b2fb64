import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import type { ApiSession } from './harness';
import { json, queueOrderIds, screenshot, signInThroughForm, useStand, zoneInCallingHours } from './stand';

jest.setTimeout(180_000);

const stand = useStand();
let admin: Page;
let asManager: ApiSession;

/** An order of our own, due in the queue at once, with a phone and e-mail no demo client has. */
const stamp = String(Date.now()).slice(-8);
const email = `e2e-pay-${stamp}@example.com`;
let order: { id: string; number: number };

beforeAll(async () => {
  admin = stand.page;
  const api = await stand.session('ana.admin@callboard.test');
  const created = await json<{ order: typeof order }>(
    await api('POST', '/api/orders', {
      client: { name: 'Paula Pagos', phone: `+346${stamp}`, email, timezone: zoneInCallingHours() },
      items: [
        { name: 'Walnut desk', quantity: 1, unitPrice: 180 },
        { name: 'Desk lamp', quantity: 2, unitPrice: 24.5 },
      ],
      currency: 'EUR',
      paymentMethod: 'card',
    }),
  );
  order = created.order;
  asManager = await stand.session('marta@callboard.test');
});

describe('payments in Chromium', () => {
  it("an admin records payments covering the total: the order becomes paid and leaves a manager's queue", async () => {
    expect(await queueOrderIds(asManager)).toContain(order.id);

    await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');
    await admin.goto(`${stand.server.url}/orders/${order.id}`);
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
    await screenshot(admin, 'payments-table-light');

    // The manager's queue no longer offers it.
    expect(await queueOrderIds(asManager)).not.toContain(order.id);
    const stored = await asManager('GET', `/api/orders/${order.id}`);
    expect(((await stored.json()) as { order: { status: string; call: { state: string } } }).order).toMatchObject({
      status: 'paid',
      call: { state: 'closed' },
    });
  });
});
