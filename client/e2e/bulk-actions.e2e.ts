import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import { json, screenshot, signInThroughForm, useStand } from './stand';

jest.setTimeout(180_000);

const stand = useStand();
let admin: Page;

/** Three orders of clients with a name no demo client has, so the list shows exactly them. */
const stamp = String(Date.now()).slice(-8);
const surname = `Bulkprueba${stamp}`;
const tag = `spring-${stamp}`;
let orders: { id: string; number: number }[] = [];

beforeAll(async () => {
  admin = stand.page;
  const api = await stand.session('ana.admin@callboard.test');
  for (const [i, name] of ['Irene', 'Óscar', 'Nuria'].entries()) {
    const created = await json<{ order: { id: string; number: number } }>(
      await api('POST', '/api/orders', {
        client: { name: `${name} ${surname}`, email: `bulk-${i}-${stamp}@example.com` },
        items: [{ name: 'Wool blanket', quantity: 1, unitPrice: 89 }],
        currency: 'EUR',
      }),
    );
    orders.push(created.order);
  }
  orders = orders.sort((a, b) => a.number - b.number);
});

describe('bulk actions on the orders list in Chromium', () => {
  it('an admin selects three orders and adds a tag: the rows show it and the API says so', async () => {
    await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');

    await admin.goto(`${stand.server.url}/orders?q=${surname}`);
    await admin.waitForFunction(() => document.querySelectorAll('[data-testid="order-row"]').length === 3);
    for (const o of orders) {
      // From the keyboard, as a person without a mouse would.
      const box = admin.getByRole('checkbox', { name: `Select order #${o.number}` });
      await box.focus();
      await admin.keyboard.press('Space');
      await expect(box.isChecked()).resolves.toBe(true);
    }
    const toolbar = admin.getByRole('toolbar', { name: 'Actions on the selected orders' });
    await expect(toolbar.getByTestId('bulk-count').textContent()).resolves.toBe('3 selected');
    await expect(admin.getByTestId('orders-export').getAttribute('href')).resolves.toBe(
      `/api/orders/export.csv?status=pending%2Creserved%2Cpaid&q=${surname}`,
    );
    await screenshot(admin, 'orders-bulk-en');
    await expectNoSeriousViolations(admin, 'orders list with a selection');

    await toolbar.getByRole('button', { name: 'Add tag' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a tag to 3 orders' });
    await dialog.getByRole('textbox', { name: 'Tag' }).fill(tag);
    await expectNoSeriousViolations(admin, 'bulk tag dialog');
    await dialog.getByRole('button', { name: 'Apply to 3 orders' }).click();
    await dialog.getByText('Changed 3, skipped 0.').waitFor();
    await expectNoSeriousViolations(admin, 'bulk summary');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The list refreshed itself when the job finished.
    await admin.waitForFunction(
      (t) =>
        [...document.querySelectorAll('[data-testid="order-row"]')].every((row) =>
          [...row.querySelectorAll('[data-testid="order-tag"]')].some((chip) => chip.textContent === t),
        ),
      tag,
    );
    await expect(admin.getByTestId('bulk-toolbar').count()).resolves.toBe(0);

    const tagged = await admin.evaluate(
      async (t) =>
        (await (await fetch(`/api/orders?status=all&tag=${encodeURIComponent(t)}`)).json()) as {
          items: { id: string; tags: string[] }[];
          total: number;
        },
      tag,
    );
    expect(tagged.total).toBe(3);
    expect(tagged.items.map((o) => o.id).sort()).toEqual(orders.map((o) => o.id).sort());
    const timeline = await admin.evaluate(
      async (id) =>
        ((await (await fetch(`/api/orders/${id}/timeline`)).json()) as { items: { type: string; text?: string }[] })
          .items,
      orders[0]!.id,
    );
    expect(timeline.some((i) => JSON.stringify(i).includes(tag))).toBe(true);
  });
});
