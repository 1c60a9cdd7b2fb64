import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import type { ApiSession } from './harness';
import { json, screenshot, signInThroughForm, useStand } from './stand';

jest.setTimeout(180_000);

const stand = useStand();
let admin: Page;
let asAdmin: ApiSession;

const stamp = String(Date.now()).slice(-8);
const oldName = `Olga Antes ${stamp}`;
const newName = `Olga Después ${stamp}`;
const companyName = `Callboard Audit ${stamp}`;
let clientId: string;

beforeAll(async () => {
  admin = stand.page;
  asAdmin = await stand.session('ana.admin@callboard.test');
  // A client of the test's own, renamed by the admin: the edit the audit screen must show.
  const created = await json<{ order: { clientId: string } }>(
    await asAdmin('POST', '/api/orders', {
      client: { name: oldName, phone: `+346${stamp}`, email: `olga-${stamp}@example.com` },
      items: [{ name: 'Oak shelf', quantity: 1, unitPrice: 60 }],
      currency: 'EUR',
    }),
  );
  clientId = created.order.clientId;
  await json(await asAdmin('PATCH', `/api/clients/${clientId}`, { name: newName }));
  await signInThroughForm(admin, stand.server.url, 'ana.admin@callboard.test');
});

describe('the audit log in Chromium', () => {
  it('shows a client edit and a settings change, before → after, filtered by object', async () => {
    await admin.goto(`${stand.server.url}/admin/settings`);
    const company = admin.getByLabel('Company name');
    await company.waitFor();
    await company.fill(companyName);
    const saved = admin.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PATCH');
    await admin.getByTestId('settings-save').click();
    expect((await saved).status()).toBe(200);

    // From the client page, the Audit link opens the screen filtered to this client.
    await admin.goto(`${stand.server.url}/clients/${clientId}`);
    await admin.getByTestId('audit-link').click();
    await admin.waitForURL(new RegExp(`/admin/audit\\?objectType=client&objectId=${clientId}$`));
    const rows = admin.getByTestId('audit-row');
    await rows.filter({ hasText: `name: ${oldName} → ${newName}` }).waitFor();
    await expect(admin.getByTestId('audit-object-id').inputValue()).resolves.toBe(clientId);
    const edit = rows.filter({ hasText: `name: ${oldName} → ${newName}` });
    await expect(edit.textContent()).resolves.toContain('Ana García');
    await expect(edit.getByRole('link', { name: /^Client/ }).getAttribute('href')).resolves.toBe(
      `/clients/${clientId}`,
    );

    // Every client's changes: still the rename, found by the object type alone.
    await admin.getByRole('button', { name: 'Clear filters' }).click();
    await admin.waitForURL(/\/admin\/audit$/);
    await admin.getByRole('combobox', { name: 'Object' }).click();
    await admin.getByRole('option', { name: 'Client' }).click();
    await admin.waitForURL(/\/admin\/audit\?objectType=client$/);
    await rows.filter({ hasText: `name: ${oldName} → ${newName}` }).waitFor();
    await expect(admin.getByTestId('audit-export').getAttribute('href')).resolves.toBe(
      '/api/audit/export.csv?objectType=client',
    );

    // And the settings change, by the admin, field by field.
    await admin.getByRole('combobox', { name: 'Object' }).click();
    await admin.getByRole('option', { name: 'Settings' }).click();
    await admin.waitForURL(/\/admin\/audit\?objectType=settings$/);
    const change = rows.filter({ hasText: `companyName: Callboard Shop → ${companyName}` });
    await change.waitFor();
    await expect(change.textContent()).resolves.toContain('Ana García');
    await expect(change.textContent()).resolves.toContain('person');
    await expectNoSeriousViolations(admin, 'audit');
    await screenshot(admin, 'audit-light');

    // The export with these filters has the same entry.
    const csv = await admin.evaluate(async () => (await fetch('/api/audit/export.csv?objectType=settings')).text());
    expect(csv).toContain(`companyName: Callboard Shop → ${companyName}`);
  });

  it('formats a template with the toolbar: the saved HTML has the bold word and the list', async () => {
    await admin.goto(`${stand.server.url}/admin/templates/new`);
    await admin.getByLabel(/^Name/).fill(`Toolbar ${stamp}`);
    await admin.getByLabel(/^Subject/).fill('Formatting check');
    const editor = admin.getByTestId('letter-editor');
    await editor.click();
    // Bold switched on and off at the caret, as one writes: no selection for a fast Enter to replace
    // (on a loaded runner ProseMirror could take Enter before it had read End's caret move).
    await admin.keyboard.type('Hello ');
    const bold = admin.getByRole('button', { name: 'Bold' });
    await bold.click();
    await expect(bold.getAttribute('aria-pressed')).resolves.toBe('true');
    await admin.keyboard.type('world');
    await bold.click();
    await expect(bold.getAttribute('aria-pressed')).resolves.toBe('false');
    await admin.getByTestId('template-preview').locator('strong', { hasText: 'world' }).waitFor();
    await admin.keyboard.press('Enter');
    await admin.getByRole('button', { name: 'Bulleted list' }).click();
    await admin.keyboard.type('First point');
    await admin.keyboard.press('Enter');
    await admin.keyboard.type('Second point');
    await admin.getByTestId('template-preview').getByText('Second point').waitFor();
    await admin.getByRole('button', { name: 'Bulleted list' }).hover();
    await admin.getByRole('tooltip').filter({ hasText: 'Bulleted list (Ctrl+Shift+8)' }).waitFor();
    await expectNoSeriousViolations(admin, 'template editor with the formatting toolbar');
    await screenshot(admin, 'letter-toolbar-light');

    const created = admin.waitForResponse((r) => r.url().endsWith('/api/templates') && r.request().method() === 'POST');
    await admin.getByTestId('template-save').click();
    const res = await created;
    expect(res.status()).toBe(201);
    const { template } = (await res.json()) as { template: { id: string; html: string } };
    expect(template.html).toContain('<strong>world</strong>');
    expect(template.html).toMatch(/<ul><li><p>First point<\/p><\/li><li><p>Second point<\/p><\/li><\/ul>/);
    const stored = await json<{ template: { html: string } }>(await asAdmin('GET', `/api/templates/${template.id}`));
    expect(stored.template.html).toBe(template.html);
  });
});
