import { afterAll, beforeAll } from '@jest/globals';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { apiSession, launchBrowser, repoRoot, startServer, startSmtp, type RunningServer } from './harness';

export const password = 'callboard-demo';
const shots = path.join(repoRoot, 'docs', 'screenshots');

/** What a workbench journey runs against; set once its beforeAll has run. */
export type WorkbenchRun = {
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  server: RunningServer;
  /** The first manager's page (20 s timeouts, browser errors in the test log). */
  page: Page;
  /** Another browser with its own cookies, closed with the run. */
  browser: () => Promise<BrowserContext>;
};

/**
 * Each journey's own server on the demo data, a mail catcher and a browser. Calls respect the
 * clients' calling hours; they are opened all day so the run does not depend on the hour.
 */
export function workbenchRun(): WorkbenchRun {
  const run = {} as WorkbenchRun;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    run.smtp = await startSmtp();
    run.server = await startServer(run.smtp.port);
    const admin = await apiSession(run.server.url, 'ana.admin@callboard.test', password);
    const res = await admin('PATCH', '/api/settings', { callingHours: { start: '00:00', end: '23:59' } });
    if (!res.ok) throw new Error(`settings: ${res.status} ${await res.text()}`);
    run.browser = async () => {
      const context = await launchBrowser();
      contexts.push(context);
      return context;
    };
    const first = await run.browser();
    run.page = first.pages()[0] ?? (await first.newPage());
    first.setDefaultTimeout(20_000);
    run.page.on('console', (m) => m.type() === 'error' && console.log(`browser: ${m.text()}`));
    run.page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  }, 240_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await run.server?.stop();
    await run.smtp?.stop();
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

export async function signIn(p: Page, url: string, email: string) {
  await p.goto(`${url}/`);
  await p.waitForURL(/\/login/);
  await p.getByLabel('E-mail').fill(email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
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

export async function screenshot(p: Page, name: string) {
  await p.screenshot({ path: path.join(shots, `${name}.png`) });
}
