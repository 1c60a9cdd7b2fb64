import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import type { ApiSession } from './harness';
import { json, queueOrderIds, screenshot, signInThroughForm, useStand } from './stand';

jest.setTimeout(180_000);

const stand = useStand();
let admin: Page;
let asAdmin: ApiSession;
let asManager: ApiSession;

/** A client of our own whose only phone is marked invalid, with an open order. */
const stamp = String(Date.now()).slice(-8);
const phone = `+346${stamp}`;
const name = `Iris Inválida ${stamp}`;
let order: { id: string; number: number; clientId: string };

const needsContactNumbers = async () =>
  (
    await json<{ items: { number: number }[] }>(await asAdmin('GET', '/api/orders?needsContact=true&limit=200'))
  ).items.map((o) => o.number);

beforeAll(async () => {
  admin = stand.page;
  asAdmin = await stand.session('ana.admin@callboard.test');
  // Every client inside calling hours, whatever time the run has: the queue is what is tested.
  await json(await asAdmin('PATCH', '/api/settings', { callingHours: { start: '00:00', end: '23:59' } }));
  const created = await json<{ order: typeof order }>(
    await asAdmin('POST', '/api/orders', {
      client: { name, phone, email: `iris-${stamp}@example.com` },
      items: [{ name: 'Walnut desk', quantity: 1, unitPrice: 180 }],
      currency: 'EUR',
    }),
  );
  order = created.order;
  await json(await asAdmin('PATCH', `/api/clients/${order.clientId}`, { phones: [{ number: phone, invalid: true }] }));
  asManager = await stand.session('marta@callboard.test');
});

describe('client editing in Chromium', () => {
  it('an order whose client has only an invalid phone waits under "Needs a contact" until an admin fixes the phone', async () => {
    // Not offered to a manager, and neither is the demo's order whose client's only number is invalid.
    expect(await queueOrderIds(asManager)).not.toContain(order.id);
    const demo = await json<{ items: { id: string; number: number }[] }>(await asAdmin('GET', '/api/orders?q=10289'));
    if (demo.items[0]) expect(await queueOrderIds(asManager)).not.toContain(demo.items[0].id);
    expect(await needsContactNumbers()).toContain(order.number);

    await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');

    // The orders list's filter shows it.
    await admin.goto(`${stand.server.url}/orders`);
    await admin.getByTestId('needs-contact-filter').check();
    await admin.waitForURL(/needs=contact/);
    await admin.getByTestId('orders-table').getByText(`#${order.number}`).waitFor();

    // The admin fixes the phone on the client page.
    await admin.goto(`${stand.server.url}/clients/${order.clientId}`);
    await admin.getByTestId('phone-invalid').waitFor();
    await admin.getByTestId('client-edit').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByTestId('no-callable-phone').waitFor();
    await dialog.getByRole('checkbox', { name: /invalid$/ }).uncheck();
    await dialog.getByText(/^Will be saved as \+34 6/).waitFor();
    await dialog.getByLabel('Tags').fill('vip');
    await dialog.getByLabel('Tags').press('Enter');
    await expectNoSeriousViolations(admin, 'client editor');
    await screenshot(admin, 'client-editor-light');
    await dialog.getByTestId('client-save').click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByTestId('client-page').getByText('vip').waitFor();
    expect(await admin.getByTestId('phone-invalid').count()).toBe(0);

    // Due again: in the manager's queue and count, and no longer waiting for a contact.
    expect(await queueOrderIds(asManager)).toContain(order.id);
    expect(await needsContactNumbers()).not.toContain(order.number);
  });

  it('the clients list finds the client by phone', async () => {
    await admin.goto(`${stand.server.url}/clients`);
    await admin.getByTestId('clients-table').waitFor();
    await admin.getByTestId('clients-search').fill(phone.slice(3));
    await admin.waitForURL(/q=/);
    const rows = admin.getByTestId('client-row');
    await admin
      .getByTestId('clients-total')
      .filter({ hasText: /^1 clients$/ })
      .waitFor();
    await rows.filter({ hasText: name }).waitFor();
    expect(await rows.count()).toBe(1);
    await admin.getByTestId('clients-search').fill('');
    await admin.waitForURL((url) => !url.search.includes('q='));
    await admin
      .getByTestId('clients-total')
      .filter({ hasNotText: /^1 clients$/ })
      .waitFor();
    await expectNoSeriousViolations(admin, 'clients list');
    await screenshot(admin, 'clients-list-light');
    await rows.first().getByRole('link').first().click();
    await admin.getByTestId('client-page').waitFor();
  });
});
