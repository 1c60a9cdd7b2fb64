import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { expectNoSeriousViolations } from './a11y';
import { waitForMail } from './harness';
import { json, screenshot, signInThroughForm, useStand } from './stand';

jest.setTimeout(180_000);

const bank = 'IBAN ES91 2100 0418 4502 0005 1332';
const message = 'We hold the lamps for you until Friday.';
const year = DateTime.now().setZone('Europe/Madrid').year;

const stand = useStand();
let admin: Page;
let manager: Page;

/** Two orders of our own, with a phone no demo client has, so the run does not depend on the demo data. */
const stamp = String(Date.now()).slice(-8);
const phone = `+346${stamp}`;
const email = `e2e-${stamp}@example.com`;
let orderA: { id: string; number: number };
let orderB: { id: string; number: number };

type QueueItemLite = { order?: { id: string }; client: { timezone: string | null } | null };

/** Filters change the URL in place (no page load), so poll it rather than wait for a navigation. */
async function waitForSearch(p: Page, pattern: RegExp) {
  await p.waitForFunction((source) => new RegExp(source).test(window.location.search), pattern.source);
}

async function waitForPath(p: Page, pattern: RegExp) {
  await p.waitForFunction((source) => new RegExp(source).test(window.location.pathname), pattern.source);
}

async function queueOf(p: Page): Promise<QueueItemLite[]> {
  return p.evaluate(
    async () => ((await (await fetch('/api/queue?limit=200')).json()) as { items: QueueItemLite[] }).items,
  );
}

async function setCallingHours(p: Page, start: string, end: string) {
  await p.goto(`${stand.server.url}/admin/settings`);
  const from = p.getByLabel('Calling hours from');
  await from.waitFor();
  await from.fill(start);
  await p.getByLabel('until', { exact: true }).fill(end);
  const saved = p.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PATCH');
  await p.getByTestId('settings-save').click();
  expect((await saved).status()).toBe(200);
}

beforeAll(async () => {
  admin = stand.page;
  const api = await stand.session('ana.admin@callboard.test');
  await json(await api('PATCH', '/api/settings', { callingHours: { start: '00:00', end: '23:59' } }));
  const create = async (name: string, client: Record<string, string>) => {
    const created = await json<{ order: { id: string; number: number } }>(
      await api('POST', '/api/orders', {
        client,
        items: [{ name, quantity: 2, unitPrice: 59.95 }],
        currency: 'EUR',
        paymentMethod: 'transfer',
      }),
    );
    return created.order;
  };
  orderA = await create('Ceramic lamp', { name: 'Elena Prueba', phone, email });
  orderB = await create('Linen shade', {
    name: 'Tomás Prueba',
    phone: `+347${stamp}`,
    email: `e2e-b-${stamp}@example.com`,
  });
  manager = await stand.openBrowser();
});

describe('the admin screens in Chromium', () => {
  it('filters the list by status and year, finds the client by phone and opens the card', async () => {
    await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');
    await admin.getByRole('navigation').getByRole('link', { name: 'Orders' }).click();
    await admin.getByTestId('orders-table').waitFor();

    await admin.getByRole('combobox', { name: 'Status' }).click();
    const listbox = admin.getByRole('listbox');
    await listbox.getByRole('option', { name: 'Reserved' }).click();
    await listbox.getByRole('option', { name: 'Paid' }).click();
    await admin.keyboard.press('Escape');
    await waitForSearch(admin, /status=pending(&|$)/);

    await admin.getByRole('combobox', { name: 'Year' }).click();
    await admin.getByRole('option', { name: String(year) }).click();
    await waitForSearch(admin, new RegExp(`year=${year}`));

    await admin.getByTestId('orders-search').fill(phone.slice(3));
    await waitForSearch(admin, /q=6/);
    // The previous rows stay while the search loads; wait for the answer to the search itself.
    await admin.waitForFunction(() => document.querySelectorAll('[data-testid="order-row"]').length === 1);
    const row = admin.getByTestId('order-row').filter({ hasText: `#${orderA.number}` });
    await expect(row.textContent()).resolves.toContain('Elena Prueba');
    await screenshot(admin, 'admin-orders-list-en');
    await expectNoSeriousViolations(admin, 'orders list');

    // The view is in the URL: a reload (or a shared link) shows the same rows.
    await admin.reload();
    await admin
      .getByTestId('order-row')
      .filter({ hasText: `#${orderA.number}` })
      .waitFor();
    await admin.getByTestId('order-row').first().focus();
    await admin.keyboard.press('Enter');
    await waitForPath(admin, new RegExp(`^/orders/${orderA.id}$`));
    await admin.getByTestId('order-card').waitFor();
    await expectNoSeriousViolations(admin, 'order card (admin)');
  });

  it('changes the status to reserved, e-mailing the customer the total, the bank account and the message', async () => {
    await admin.getByTestId('status-menu').click();
    await admin.getByRole('menuitem', { name: 'Reserved' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog.getByRole('checkbox', { name: 'E-mail the customer' }).isChecked()).resolves.toBe(true);
    await dialog.getByLabel('Extra message for the letter').fill(message);
    await dialog.getByTestId('status-letter-preview').getByText(message).waitFor();
    await screenshot(admin, 'admin-status-dialog-en');
    await expectNoSeriousViolations(admin, 'status dialog');
    await dialog.getByTestId('status-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByTestId('order-status').getByText('Reserved').waitFor();

    const mail = await waitForMail(stand.smtp, (m) => m.to.includes(email) && m.text.includes(message));
    expect(mail.text).toContain('119.90');
    expect(mail.text).toContain(bank);
  });

  it('records a payment and the order shows "paid"', async () => {
    await admin.getByTestId('add-payment').click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog.getByLabel(/^Amount/).inputValue()).resolves.toBe('119.90');
    await dialog.getByLabel('Transaction id').fill(`TX-${stamp}`);
    await expectNoSeriousViolations(admin, 'payment dialog');
    await dialog.getByTestId('payment-save').click();
    await dialog.waitFor({ state: 'detached' });
    await admin.locator('[data-testid="order-card"] .MuiChip-outlined', { hasText: 'Paid' }).waitFor();
    const stored = await admin.evaluate(
      async (id) =>
        ((await (await fetch(`/api/orders/${id}`)).json()) as { order: { paymentStatus: string; paid: number } }).order,
      orderA.id,
    );
    expect(stored).toMatchObject({ paymentStatus: 'paid', paid: 119.9 });
  });

  it("edits a letter template with a chip, and a manager's next call dialog uses it", async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('tab', { name: 'Letter templates' }).click();
    await admin.getByRole('row').filter({ hasText: 'Call: could not reach' }).waitFor();
    await expectNoSeriousViolations(admin, 'admin: letter templates');
    await admin.getByRole('row').filter({ hasText: 'Call: could not reach' }).click();
    const subject = admin.getByLabel(/^Subject/);
    await subject.waitFor();
    const newSubject = `Sorry we missed you (${stamp})`;
    await subject.fill(newSubject);
    const editor = admin.getByTestId('letter-editor');
    await editor.click();
    await admin.keyboard.press('ControlOrMeta+End');
    await admin.keyboard.press('Enter');
    await admin.keyboard.type('Your manager: ');
    await admin.getByRole('toolbar', { name: 'Variables' }).getByRole('button', { name: 'Manager name' }).click();
    await admin.getByTestId('template-preview').getByText(newSubject).waitFor();
    await screenshot(admin, 'admin-template-editor-en');
    await expectNoSeriousViolations(admin, 'admin: template editor');
    await admin.getByTestId('template-save').click();
    await waitForPath(admin, /^\/admin\/templates$/);

    await signInThroughForm(manager, stand.server.url, 'marta@callboard.test');
    await manager.goto(`${stand.server.url}/orders/${orderB.id}`);
    await manager.getByTestId('order-card').waitFor();
    await manager.keyboard.press('2');
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('Send a letter to the client').check();
    await expect(dialog.getByLabel(/^Subject/).inputValue()).resolves.toBe(newSubject);
    await dialog.locator('[data-testid="letter-editor"] [data-variable="manager_name"]').waitFor();
    await manager.keyboard.press('Escape');
  });

  it('changes the calling hours and the queue follows', async () => {
    // A one-minute window that is not the current minute in any time zone (offsets are whole, half or quarter hours).
    const minute = (DateTime.utc().minute + 7) % 60;
    const start = `03:${String(minute).padStart(2, '0')}`;
    const end = minute === 59 ? '04:00' : `03:${String(minute + 1).padStart(2, '0')}`;
    await setCallingHours(admin, start, end);
    await screenshot(admin, 'admin-settings-en');
    await expectNoSeriousViolations(admin, 'admin: settings');
    const closed = await queueOf(manager);
    expect(closed.filter((i) => i.client?.timezone)).toEqual([]);

    await setCallingHours(admin, '00:00', '23:59');
    const open = await queueOf(manager);
    expect(open.filter((i) => i.client?.timezone === 'Europe/Madrid').length).toBeGreaterThan(0);
    await manager.goto(`${stand.server.url}/`);
    await manager.waitForFunction(() =>
      /: [1-9]/.test(document.querySelector('[data-testid="due-count"]')?.textContent ?? ''),
    );
  });

  it('shows the users and call instructions screens without a serious axe finding', async () => {
    await admin.goto(`${stand.server.url}/admin/users`);
    await admin.getByTestId('user-marta@callboard.test').waitFor();
    await expectNoSeriousViolations(admin, 'admin: users');
    await admin.getByRole('tab', { name: 'Call instructions' }).click();
    await admin.getByTestId('instructions-save').waitFor();
    await expectNoSeriousViolations(admin, 'admin: call instructions');
  });

  it('hides the admin screens from a manager, and the API refuses them', async () => {
    await manager.goto(`${stand.server.url}/orders`);
    await manager.getByTestId('orders-table').waitFor();
    await expect(manager.getByRole('navigation').getByRole('link', { name: 'Admin' }).count()).resolves.toBe(0);
    await manager.goto(`${stand.server.url}/admin/settings`);
    await manager.getByText('Only administrators can open these screens.').waitFor();
    await expect(manager.getByLabel('Calling hours from').count()).resolves.toBe(0);
    const statuses = await manager.evaluate(async () => {
      const users = await fetch('/api/users');
      const settings = await fetch('/api/settings', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ bankAccount: 'hacked' }),
      });
      const template = await fetch('/api/templates', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'x', subject: 'x', html: '<p>x</p>' }),
      });
      return [users.status, settings.status, template.status];
    });
    expect(statuses).toEqual([403, 403, 403]);
  });

  it('shows the same screens in Spanish', async () => {
    await admin.getByRole('button', { name: 'Español' }).click();
    // The switch waits for the Spanish strings to load before it is applied and remembered.
    await admin.getByRole('link', { name: 'Pedidos' }).waitFor();
    await admin.goto(`${stand.server.url}/orders?status=all&year=${year}&q=${encodeURIComponent('Prueba')}`);
    await admin.getByTestId('order-row').first().waitFor();
    await admin.getByRole('combobox', { name: 'Estado' }).waitFor();
    await screenshot(admin, 'admin-orders-list-es');
    await expectNoSeriousViolations(admin, 'orders list (es)');

    await admin.goto(`${stand.server.url}/orders/${orderB.id}`);
    await admin.getByTestId('status-menu').click();
    await admin.getByRole('menuitem', { name: 'Reservado' }).click();
    await admin.getByRole('dialog').getByTestId('status-letter-preview').waitFor();
    await admin.getByRole('dialog').getByText('Enviar correo al cliente').waitFor();
    await screenshot(admin, 'admin-status-dialog-es');
    await expectNoSeriousViolations(admin, 'status dialog (es)');
    await admin.keyboard.press('Escape');

    await admin.goto(`${stand.server.url}/admin/templates`);
    await admin.getByRole('row').filter({ hasText: 'Estado: reservado' }).click();
    await admin.getByTestId('template-preview').waitFor();
    await screenshot(admin, 'admin-template-editor-es');
    await expectNoSeriousViolations(admin, 'admin: template editor (es)');

    await admin.goto(`${stand.server.url}/admin/settings`);
    await admin.getByLabel('Horario de llamadas desde').waitFor();
    await screenshot(admin, 'admin-settings-es');
    await expectNoSeriousViolations(admin, 'admin: settings (es)');
    await admin.getByTestId('color-mode').click();
    await expectNoSeriousViolations(admin, 'admin: settings (es, dark)');
    await admin.getByTestId('color-mode').click();
    await admin.getByRole('button', { name: 'English' }).click();
  });
});
