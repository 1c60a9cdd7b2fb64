import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import { waitForMail, type ApiSession } from './harness';
import { json, screenshot, signInThroughForm, useStand } from './stand';

jest.setTimeout(240_000);

const stand = useStand();
let asManager: ApiSession;

const stamp = String(Date.now()).slice(-8);
const email = `e2e-page-${stamp}@example.com`;
const publicNote = `Your desk leaves our workshop on Monday (${stamp})`;
const privateNote = `Asked twice for a discount, say no (${stamp})`;
let order: { id: string; number: number };

beforeAll(async () => {
  const api = await stand.session('ana.admin@callboard.test');
  await json(
    await api('PATCH', '/api/settings', {
      customerContact: 'Call us on +34 910 000 000, Monday to Friday 9:00–18:00\nhelp@callboard.test',
    }),
  );
  const created = await json<{ order: typeof order }>(
    await api('POST', '/api/orders', {
      client: {
        name: 'Carmen Ruiz',
        phone: `+346${stamp}`,
        email,
        timezone: 'Europe/Madrid',
        address: { city: 'Sevilla', country: 'ES' },
      },
      items: [
        { name: 'Walnut desk', quantity: 1, unitPrice: 180 },
        { name: 'Desk lamp', quantity: 2, unitPrice: 24.5 },
      ],
      currency: 'EUR',
      paymentMethod: 'transfer',
    }),
  );
  order = created.order;
  asManager = await stand.session('marta@callboard.test');
});

async function addNote(page: Page, text: string, visibility: 'Staff only' | 'Customer too') {
  await page.getByLabel('Add a note to the order').fill(text);
  const form = page.locator('form').filter({ has: page.getByLabel('Add a note to the order') });
  await form.getByRole('combobox').click();
  await page.getByRole('option', { name: visibility }).click();
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByText(text).first().waitFor();
}

describe("the customer's page in Chromium", () => {
  it('a letter carries the link; a browser without a session sees the public note only and books a callback the team will make', async () => {
    const admin = stand.page;
    await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');
    await admin.goto(`${stand.server.url}/orders/${order.id}`);
    await admin.getByTestId('order-number').waitFor();
    await addNote(admin, publicNote, 'Customer too');
    await addNote(admin, privateNote, 'Staff only');

    // A "not reached" call with a letter written around the "Status link" chip.
    await admin.locator('[data-outcome="not_reached"]').click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Send a letter to the client').check();
    const editor = dialog.getByTestId('letter-editor');
    await editor.click();
    await admin.keyboard.press('ControlOrMeta+a');
    await admin.keyboard.press('Delete');
    await admin.keyboard.type('Follow your order and book a call back here: ');
    await dialog.getByRole('button', { name: 'Status link' }).click();
    await dialog.getByLabel('Subject').fill(`Your order page ${stamp}`);
    await dialog.getByTestId('letter-preview').getByText('/s/', { exact: false }).waitFor();
    await dialog.getByTestId('call-save').click();
    await dialog.waitFor({ state: 'detached' });

    // The letter at the SMTP listener has the link.
    const mail = await waitForMail(stand.smtp, (m) => m.text.includes(`Your order page ${stamp}`));
    expect(mail.to).toEqual([email]);
    // PUBLIC_URL is unset in the run, so the link names http://localhost:<port>.
    const link = /https?:\/\/[^\s/]+\/s\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();

    // The card shows the same link, with copy and revoke.
    await admin.reload();
    await expect(admin.getByTestId('status-link-url').textContent()).resolves.toBe(link);
    await expectNoSeriousViolations(admin, "order card: the customer's page link");

    // A fresh browser, no staff session, on a phone.
    const phone = await stand.openBrowser();
    await phone.setViewportSize({ width: 390, height: 844 });
    const response = await phone.goto(`${link}?lang=en`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('private, no-store');
    const size = Buffer.byteLength(await response!.text());
    console.log(`customer page: ${size} bytes`);
    expect(size).toBeLessThan(30_000);
    await phone.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    const body = await phone.locator('body').innerText();
    expect(body).toContain(publicNote);
    expect(body).not.toContain(privateNote);
    expect(body).toContain('Left to pay');
    await expectNoSeriousViolations(phone, "customer's page (English, phone)");
    await screenshot(phone, 'customer-page-en', { fullPage: true });

    await phone.getByRole('link', { name: 'Español' }).click();
    await phone.getByRole('heading', { name: `Pedido ${order.number}` }).waitFor();
    await expectNoSeriousViolations(phone, "customer's page (Spanish, phone)");
    await screenshot(phone, 'customer-page-es', { fullPage: true });

    // Book the second offered time.
    const select = phone.getByLabel('Hora');
    const slot = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(slot!);
    const posted = phone.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/callback'));
    await phone.getByRole('button', { name: 'Reservar la llamada' }).click();
    const answer = await posted;
    expect(`${answer.status()} ${answer.status() === 303 ? '' : await answer.text()}`).toBe('303 ');
    await phone.getByText('Gracias: le llamaremos el', { exact: false }).waitFor();

    // The team's queue has the order due at that time, for any manager.
    const res = await asManager('GET', `/api/orders/${order.id}`);
    const stored = ((await res.json()) as { order: { call: { state: string; nextCallAt: string } } }).order;
    expect(stored.call).toMatchObject({ state: 'scheduled', nextCallAt: slot });
    const timeline = await asManager('GET', `/api/orders/${order.id}/timeline`);
    const items = ((await timeline.json()) as { items: { by: { type: string }; text?: string }[] }).items;
    expect(items.filter((i) => i.by.type === 'customer').map((i) => i.text)).toEqual([
      expect.stringMatching(/^The customer asked to be called back at /),
    ]);
  });
});
