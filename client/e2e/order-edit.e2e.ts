import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { Order, OrderListItem } from '@callboard/shared';
import { expectNoSeriousViolations } from './a11y';
import type { ApiSession } from './harness';
import { json, screenshot, signInThroughForm, useStand } from './stand';

jest.setTimeout(240_000);

const stand = useStand();
let api: ApiSession;
let admin: Page;

const stamp = String(Date.now()).slice(-8);

async function newOrder(name: string): Promise<Order> {
  const created = await json<{ order: Order }>(
    await api('POST', '/api/orders', {
      client: {
        name,
        phone: `+346${stamp.slice(0, 7)}${name.length % 10}`,
        email: `e2e-edit-${name.length}-${stamp}@example.com`,
      },
      items: [
        { name: 'Walnut desk', quantity: 1, unitPrice: 180, sku: 'WD-1' },
        { name: 'Desk lamp', quantity: 2, unitPrice: 24.5 },
      ],
      currency: 'EUR',
    }),
  );
  return created.order;
}

async function orderOf(id: string): Promise<Order> {
  return ((await (await api('GET', `/api/orders/${id}`)).json()) as { order: Order }).order;
}

beforeAll(async () => {
  api = await stand.session('ana.admin@callboard.test');
  admin = stand.page;
  await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');
});

describe('editing an order on its card, in Chromium', () => {
  it("an admin edits the items and the discount in place, sees the server's new total and the timeline entry", async () => {
    const order = await newOrder(`Lucía Ortega ${stamp}`);
    await admin.goto(`${stand.server.url}/orders/${order.id}`);
    await expect(admin.getByTestId('items-total').textContent()).resolves.toBe('€229.00');
    await admin.getByTestId('items-edit').click();

    const editor = admin.getByTestId('items-editor');
    await editor.getByRole('textbox', { name: 'Quantity, row 2' }).fill('3');
    await editor.getByRole('button', { name: 'Add an item' }).click();
    // The new row's name has the focus: the keyboard carries on.
    await admin.keyboard.type('Cable tidy');
    await admin.keyboard.press('Tab');
    await admin.keyboard.type('CT-9');
    await editor.getByRole('textbox', { name: 'Unit price (EUR), row 3' }).fill('9,99');
    await editor.getByRole('textbox', { name: 'Discount (EUR)' }).fill('20');
    await expect(editor.getByTestId('items-total-preview').textContent()).resolves.toBe('€243.49');
    // A wrong value says so, in place, and a fix clears it.
    await editor.getByRole('textbox', { name: 'Quantity, row 1' }).fill('0');
    await editor.getByRole('textbox', { name: 'SKU, row 1' }).focus();
    await editor.getByText('A whole number from 1 to 100,000').waitFor();
    await editor.getByRole('textbox', { name: 'Quantity, row 1' }).fill('1');

    await expectNoSeriousViolations(admin, 'order card: items editor');
    await screenshot(admin, 'order-items-editor-light');
    await admin.getByTestId('color-mode').click();
    await expectNoSeriousViolations(admin, 'order card: items editor (dark)');
    await screenshot(admin, 'order-items-editor-dark');
    await admin.getByTestId('color-mode').click();

    await admin.getByTestId('items-save').click();
    await editor.waitFor({ state: 'detached' });
    await admin.getByTestId('items-total').filter({ hasText: '€243.49' }).waitFor({ timeout: 5000 });
    await expect(admin.getByTestId('key-figures').innerText()).resolves.toContain('€20.00');
    await admin.getByText('Total: 229 EUR → 243.49 EUR').waitFor();
    await admin.getByText('Discount: 0 EUR → 20 EUR').waitFor();

    expect(await orderOf(order.id)).toMatchObject({
      total: 243.49,
      discount: 20,
      items: [
        { name: 'Walnut desk', sku: 'WD-1', quantity: 1, unitPrice: 180 },
        { name: 'Desk lamp', quantity: 3, unitPrice: 24.5, lineTotal: 73.5 },
        { name: 'Cable tidy', sku: 'CT-9', quantity: 1, unitPrice: 9.99 },
      ],
    });
  });

  it("'Save and create invoice' opens the new order's items to edit before the call is saved", async () => {
    const order = await newOrder(`Pablo Serrano ${stamp}`);
    await admin.goto(`${stand.server.url}/orders/${order.id}`);
    await admin.getByTestId('order-number').waitFor();
    await admin.locator('[data-outcome="completed"]').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save and create invoice…' }).click();
    await expect(
      dialog.getByRole('heading', { name: 'Items of the new order' }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await expect(dialog.getByRole('textbox', { name: 'Product, row 1' }).inputValue()).resolves.toBe('Walnut desk');
    await dialog.getByRole('textbox', { name: 'Quantity, row 1' }).fill('2');
    await dialog.getByRole('button', { name: 'Remove item 2' }).click();
    await expect(dialog.getByTestId('items-total-preview').textContent()).resolves.toBe('€360.00');
    await expectNoSeriousViolations(admin, 'call dialog: follow-up items');
    await dialog.getByTestId('call-save').click();
    await dialog.waitFor({ state: 'detached' });

    const list = await api('GET', `/api/clients/${order.clientId}/orders`);
    const orders = ((await list.json()) as { items: OrderListItem[] }).items;
    expect(orders).toHaveLength(2);
    const followUp = orders.find((o) => o.id !== order.id)!;
    expect(followUp).toMatchObject({
      status: 'pending',
      total: 360,
      items: [{ name: 'Walnut desk', sku: 'WD-1', quantity: 2, unitPrice: 180 }],
    });
    expect((await orderOf(order.id)).total).toBe(229);

    // The new order opens with its items still editable.
    await admin.goto(`${stand.server.url}/orders/${followUp.id}`);
    await expect(admin.getByTestId('items-total').textContent()).resolves.toBe('€360.00');
    await admin.getByTestId('items-edit').click();
    await expect(admin.getByRole('textbox', { name: 'Quantity, row 1' }).inputValue()).resolves.toBe('2');
  });
});
