import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import { demoPassword } from './stand';
import { cardKey, signIn, waitForNextCard, workbenchRun } from './workbench-run';

jest.setTimeout(180_000);

const run = workbenchRun();
let page: Page;
beforeAll(() => {
  page = run.page;
});

/** The workbench for everyone: no serious axe finding in any call dialog, Spanish and dark, and by keyboard alone. */
describe('the manager workbench in Chromium', () => {
  it('opens each of the six call dialogs, with and without the letter editor, and the tasks screen, without a serious axe finding', async () => {
    await signIn(page, run.server.url, 'marta@callboard.test');
    // The first item due on the demo data is an order, which the Spanish test below comes back to.
    await page.keyboard.press('n');
    await page.getByTestId('order-card').waitFor();
    // Each dialog is opened by its key and closed with Escape.
    for (const [key, name] of [
      ['1', 'completed'],
      ['2', 'not reached'],
      ['3', 'call back'],
      ['4', 'already paid'],
      ['5', 'refused'],
      ['6', 'invalid contact'],
    ] as const) {
      await page.keyboard.press(key);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expectNoSeriousViolations(page, `call dialog: ${name}`);
      // The first checkbox sends a letter; it is disabled (and named otherwise) when the client has no e-mail.
      const letter = dialog.getByRole('checkbox').first();
      if (await letter.isEnabled()) {
        await letter.check();
        await dialog.getByTestId('letter-preview').waitFor();
        await expectNoSeriousViolations(page, `call dialog: ${name}, with a letter`);
      }
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByRole('navigation').getByRole('link', { name: 'My tasks' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'tasks');
  });

  it('switches to Spanish and dark mode', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('link', { name: 'Puesto de llamadas' }).waitFor();
    await page.getByRole('link', { name: 'Puesto de llamadas' }).click();
    await page.getByTestId('order-card').waitFor();
    await expectNoSeriousViolations(page, 'workbench with a card (es)');
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.getByTestId('color-mode').click();
    await page.waitForFunction((before) => getComputedStyle(document.body).backgroundColor !== before, light);
    await page.reload();
    await page.getByRole('link', { name: 'Puesto de llamadas' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(light);
    await page.getByTestId('take-next').waitFor();
    await expectNoSeriousViolations(page, 'workbench without a card (es, dark)');
    await page.keyboard.press('n');
    await page.getByTestId('order-card').or(page.getByTestId('task-card')).waitFor();
    await expectNoSeriousViolations(page, 'workbench with a card (es, dark)');
    await page.keyboard.press('1');
    const dialog = page.getByRole('dialog');
    const letter = dialog.getByRole('checkbox').first();
    // Disabled for a client without an e-mail, or a call task without an order.
    if (await letter.isEnabled()) {
      await letter.check();
      await dialog.getByTestId('letter-preview').waitFor();
    }
    await expectNoSeriousViolations(page, 'call dialog: completed, with a letter (es, dark)');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('color-mode').click();
  });

  it('signs in, takes a call, records "not reached" and closes the callback dialog by keyboard alone, focus coming back each time', async () => {
    const kb = await run.openBrowser();
    await kb.goto(`${run.server.url}/`);
    await kb.waitForURL(/\/login/);
    await expectNoSeriousViolations(kb, 'sign in');
    // The e-mail field has the focus on arrival.
    await kb.keyboard.type('jonas@callboard.test');
    await kb.keyboard.press('Tab');
    await kb.keyboard.type(demoPassword);
    await kb.keyboard.press('Enter');
    await kb.getByTestId('take-next').waitFor();
    await kb.keyboard.press('n');
    await kb.getByTestId('order-card').or(kb.getByTestId('task-card')).waitFor();
    const taken = await cardKey(kb);
    await kb.keyboard.press('2');
    await kb.getByRole('dialog').waitFor();
    await kb.keyboard.press('Enter');
    await waitForNextCard(kb, taken);
    // The next card's heading has the focus, so a screen reader announces the new item.
    await kb.waitForFunction(() => {
      const el = document.activeElement;
      return (
        !!el && /^H[1-6]$/.test(el.tagName) && !!el.closest('[data-testid="order-card"], [data-testid="task-card"]')
      );
    });
    await kb.getByRole('status').filter({ hasText: 'Call saved' }).waitFor({ state: 'attached' });

    await kb.keyboard.press('3');
    const dialog = kb.getByRole('dialog');
    await dialog.waitFor();
    await kb.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const callBack = kb.getByRole('button', { name: 'Call back', exact: true });
    await expect(callBack.getAttribute('aria-keyshortcuts')).resolves.toBe('3');
    await expect(callBack.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The next Tab goes on from there, not from the top navigation.
    await kb.keyboard.press('Tab');
    await expect(kb.evaluate(() => document.activeElement?.getAttribute('data-outcome'))).resolves.toBe('already_paid');
  });
});
