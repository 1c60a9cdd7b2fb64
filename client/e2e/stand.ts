import { afterAll, beforeAll } from '@jest/globals';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import {
  apiSession,
  launchBrowser,
  repoRoot,
  startServer,
  startSmtp,
  type ApiSession,
  type RunningServer,
  type Smtp,
} from './harness';

/** Every demo user's password. */
export const demoPassword = 'callboard-demo';

/** Where the runs leave the screenshots the docs show. */
export const screenshotsDir = path.join(repoRoot, 'docs', 'screenshots');

/** What one e2e file runs against: its own server on the demo data, a mail catcher and a browser. */
export type Stand = {
  smtp: Smtp;
  server: RunningServer;
  /** The first browser and its page. */
  context: BrowserContext;
  page: Page;
  /** The API as a demo user, for setup the UI does not own. */
  session: (email: string) => Promise<ApiSession>;
  /** The page of another browser, with cookies of its own; closed with the stand. */
  openBrowser: () => Promise<Page>;
  /** Closes the browsers, the server and the mail catcher. */
  stop: () => Promise<void>;
};

async function startStand(): Promise<Stand> {
  const contexts: BrowserContext[] = [];
  let smtp: Smtp | undefined;
  let server: RunningServer | undefined;
  const stop = async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
    await smtp?.stop();
  };
  const openBrowser = async () => {
    const context = await launchBrowser();
    contexts.push(context);
    return context.pages()[0] ?? (await context.newPage());
  };
  // The afterAll has no stop to call when this throws: stop what has started here.
  try {
    smtp = await startSmtp();
    server = await startServer(smtp.port);
    const url = server.url;
    const page = await openBrowser();
    return {
      smtp,
      server,
      context: page.context(),
      page,
      session: (email) => apiSession(url, email, demoPassword),
      openBrowser,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The file's own stand: started by a beforeAll registered here, so it runs before the file's own
 * (which sets up its data), and stopped after all the file's tests.
 */
export function useStand(): Stand {
  const stand = {} as Stand;
  beforeAll(async () => {
    Object.assign(stand, await startStand());
  }, 240_000);
  afterAll(async () => {
    await stand.stop?.();
  });
  return stand;
}

/** Signs in through the login form, as a person does, and waits for the signed-in shell. */
export async function signInThroughForm(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** An API answer's body, or an error naming the status and the text when it is not a success. */
export async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The ids of the orders the queue offers this session's user. */
export async function queueOrderIds(session: ApiSession): Promise<string[]> {
  const body = await json<{ items: { order?: { id: string } }[] }>(await session('GET', '/api/queue?limit=200'));
  return body.items.flatMap((i) => (i.order ? [i.order.id] : []));
}

/** A time zone where it is now between 10:00 and 19:00, so a client there is inside the calling hours whenever the run is. */
export function zoneInCallingHours(): string {
  const zones = [
    'Europe/Madrid',
    'America/New_York',
    'America/Los_Angeles',
    'Pacific/Honolulu',
    'Asia/Tokyo',
    'Asia/Kolkata',
  ];
  const zone = zones.find((z) => {
    const hour = DateTime.now().setZone(z).hour;
    return hour >= 10 && hour < 19;
  });
  if (!zone) throw new Error('no zone in calling hours');
  return zone;
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), ...options });
}
