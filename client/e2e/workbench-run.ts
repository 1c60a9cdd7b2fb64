import { beforeAll } from '@jest/globals';
import type { Page } from 'playwright-core';
import { json, signInThroughForm, useStand, type Stand } from './stand';

/**
 * Each journey's own stand, filled in once its beforeAll has run; its page has 20 s timeouts and
 * logs the browser's errors. Calls respect the clients' calling hours; they are opened all day so
 * the run does not depend on the hour.
 */
export function workbenchRun(): Stand {
  const run = useStand();
  beforeAll(async () => {
    const admin = await run.session('ana.admin@callboard.test');
    await json(await admin('PATCH', '/api/settings', { callingHours: { start: '00:00', end: '23:59' } }));
    run.context.setDefaultTimeout(20_000);
    run.page.on('console', (m) => m.type() === 'error' && console.log(`browser: ${m.text()}`));
    run.page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  });
  return run;
}

/** Which card is open: the order number, or the task card's reason. */
export async function cardKey(p: Page): Promise<string> {
  return p.evaluate(() => {
    const number = document.querySelector('[data-testid="order-number"]')?.textContent;
    return number ?? document.querySelector('[data-testid="task-card"] [data-testid="due-reason"]')?.textContent ?? '';
  });
}

/** Signs a manager in through the form and waits for the workbench. */
export async function signIn(p: Page, url: string, email: string) {
  await signInThroughForm(p, url, email);
  await p.getByTestId('take-next').waitFor();
}

export async function waitForNextCard(p: Page, previous: string) {
  await p.waitForFunction(
    (prev) => {
      const key =
        document.querySelector('[data-testid="order-number"]')?.textContent ??
        document.querySelector('[data-testid="task-card"] [data-testid="due-reason"]')?.textContent ??
        '';
      return key !== '' && key !== prev && !document.querySelector('[role="dialog"]');
    },
    previous,
    { polling: 'raf' },
  );
}
