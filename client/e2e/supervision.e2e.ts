import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import { demoPassword, json, screenshot } from './stand';
import { cardKey, signIn, waitForNextCard, workbenchRun } from './workbench-run';

jest.setTimeout(240_000);

const run = workbenchRun();
let admin: Page;

/**
 * Managers made for this run: the demo managers have call history and personal callbacks of their
 * own, so a figure or an offer would depend on the demo data; these start with none.
 */
const staff = {
  talker: { name: 'Teo Tiempo', email: 'teo@callboard.test' },
  holder: { name: 'Hugo Holder', email: 'hugo@callboard.test' },
  taker: { name: 'Tomás Taker', email: 'tomas@callboard.test' },
};

beforeAll(async () => {
  const api = await run.session('ana.admin@callboard.test');
  for (const { name, email } of Object.values(staff)) {
    await json(await api('POST', '/api/users', { name, email, password: demoPassword, role: 'manager' }));
  }
  admin = run.page;
  // Tall enough for the dashboard's charts to be in its screenshots.
  await admin.setViewportSize({ width: 1280, height: 1350 });
  await signIn(admin, run.server.url, 'ana.admin@callboard.test');
});

async function managerPage(email: string): Promise<Page> {
  const page = await run.openBrowser();
  page.context().setDefaultTimeout(20_000);
  await signIn(page, run.server.url, email);
  return page;
}

/** Takes the next card and waits for it: an order's or a call task's. */
async function takeNext(page: Page) {
  await page.keyboard.press('n');
  await page.getByTestId('order-card').or(page.getByTestId('task-card')).waitFor();
}

/** Opens an outcome's dialog with its key, corrects the running talk time, and saves with Enter. */
async function recordCall(page: Page, key: string, talk: string) {
  const before = await cardKey(page);
  await page.keyboard.press(key);
  const field = page.getByRole('dialog').getByTestId('talk-time');
  // The field follows the card's timer (mm:ss) until the manager types.
  expect(await field.inputValue()).toMatch(/^\d{2}:\d{2}$/);
  await field.fill(talk);
  await page.keyboard.press('Enter');
  await waitForNextCard(page, before);
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

describe('supervision in Chromium', () => {
  it("shows a manager's calls with their talk time on the admin's dashboard", async () => {
    const talker = await managerPage(staff.talker.email);
    await takeNext(talker);
    await talker.getByRole('timer').waitFor();
    await recordCall(talker, '2', '1:30');
    await recordCall(talker, '1', '2:05');
    // Both saves have left the outbox: the server has them.
    await talker.getByTestId('pending-calls').waitFor({ state: 'detached' });

    await admin.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const row = admin.getByTestId(`summary-${staff.talker.email}`);
    await row.waitFor();
    // Not reached (1:30) and completed (2:05): two calls, one reached, 3:35 in all.
    expect(await row.locator('[data-figure="calls"]').innerText()).toBe('2');
    expect(await row.locator('[data-figure="reached"]').innerText()).toBe('1');
    expect(await row.locator('[data-figure="contactRate"]').innerText()).toBe('50%');
    expect(await row.locator('[data-figure="talkTime"]').innerText()).toBe('03:35');
    expect(await row.locator('[data-figure="avgTalk"]').innerText()).toBe('01:48');

    await admin.getByTestId('manager-filter').selectOption({ label: staff.talker.name });
    await admin.waitForFunction(
      () => document.querySelectorAll('[data-testid^="summary-"][data-testid*="@"]').length === 1,
    );
    expect(await text(admin, 'figure-calls')).toBe('2');
    expect(await text(admin, 'figure-talk-time')).toBe('03:35');
    expect(await text(admin, 'figure-contact-rate')).toBe('50%');
    const csv = await admin.getByTestId('calls-export').getAttribute('href');
    expect(csv).toMatch(/^\/api\/calls\/export\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);

    await admin.getByTestId('manager-filter').selectOption({ label: 'All managers' });
    await admin.getByTestId('hours-chart').waitFor();
    // axe first: it waits for transitions to end, so the screenshot shows settled colours.
    await expectNoSeriousViolations(admin, 'dashboard');
    await screenshot(admin, 'dashboard-light');
  });

  it('shows who holds a card on the live floor; the admin releases it and a third manager gets it', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Floor' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Live floor' }).waitFor();
    await admin.getByTestId('floor-queue').waitFor();

    const holder = await managerPage(staff.holder.email);
    await takeNext(holder);
    // The admin's floor follows by itself, over the event stream.
    const holding = admin.getByTestId('floor-managers').getByRole('row', { name: new RegExp(staff.holder.name) });
    await holding.getByTestId('holding').filter({ hasText: ', for ' }).waitFor();
    const what = (await holding.getByTestId('holding').innerText()).replace(/, for .*$/, '');
    const release = admin.getByRole('button', { name: `Release ${what}, held by ${staff.holder.name}` });
    const itemId = (await release.getAttribute('data-testid'))!.replace('release-', '');
    const row = admin.getByTestId(`floor-item-${itemId}`);
    expect(await row.getByTestId('held-by').innerText()).toMatch(new RegExp(`^${staff.holder.name}, for `));
    await expectNoSeriousViolations(admin, 'floor');
    await screenshot(admin, 'floor-light');

    await release.click();
    const dialog = admin.getByRole('dialog', { name: `Release ${what}?` });
    await dialog.waitFor();
    await expectNoSeriousViolations(admin, 'floor: release dialog');
    await dialog.getByRole('button', { name: 'Release' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('held-by').filter({ hasText: '—' }).waitFor();
    expect(await admin.getByTestId('announcer').innerText()).toBe(
      `${what} released from ${staff.holder.name}; it is offered to the next manager.`,
    );

    // The released item is the longest-waiting one nobody holds: the next manager to ask gets it.
    const taker = await managerPage(staff.taker.email);
    await takeNext(taker);
    await row.getByTestId('held-by').filter({ hasText: staff.taker.name }).waitFor();
    expect(await row.getByTestId('held-by').innerText()).toMatch(new RegExp(`^${staff.taker.name}, for `));
  });

  it('reads well in dark mode too', async () => {
    await admin.getByTestId('color-mode').click();
    await admin.getByTestId('floor-queue').waitFor();
    await expectNoSeriousViolations(admin, 'floor (dark)');
    await screenshot(admin, 'floor-dark');
    await admin.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await admin.getByTestId('hours-chart').waitFor();
    await expectNoSeriousViolations(admin, 'dashboard (dark)');
    await screenshot(admin, 'dashboard-dark');
    await admin.getByTestId('color-mode').click();
  });
});
