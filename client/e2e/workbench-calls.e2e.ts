import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './a11y';
import { silentWav, waitForMail } from './harness';
import { screenshot } from './stand';
import { cardKey, signIn, waitForNextCard, workbenchRun } from './workbench-run';

jest.setTimeout(180_000);

const run = workbenchRun();
let page: Page;
beforeAll(() => {
  page = run.page;
});

/** A manager's calls from the workbench: not reached, a callback, and completed with a letter and a recording. */
describe('the manager workbench in Chromium', () => {
  it('signs in, takes the next due call and records "not reached" with two keystrokes', async () => {
    await signIn(page, run.server.url, 'marta@callboard.test');
    await expectNoSeriousViolations(page, 'workbench without a card');
    await page.keyboard.press('n');
    await page.getByTestId('order-card').waitFor();
    const a = await cardKey(page);
    const idA = await page.getByTestId('order-card').getAttribute('data-order-id');
    await page.getByTestId('timeline').or(page.getByText('No history yet')).waitFor();
    await screenshot(page, 'workbench-light');
    await expectNoSeriousViolations(page, 'workbench with a card');
    const callsOfA = () =>
      page.evaluate(async (id) => {
        const timeline = (await (await fetch(`/api/orders/${id}/timeline`)).json()) as {
          items: { type: string; outcome?: string }[];
        };
        return timeline.items.filter((i) => i.type === 'call').map((i) => i.outcome);
      }, idA!);
    const before = await callsOfA();

    await page.keyboard.press('2');
    await page.getByRole('dialog').waitFor();
    await expectNoSeriousViolations(page, 'call dialog: not reached');
    await page.keyboard.press('Enter');
    await waitForNextCard(page, a);
    const b = await cardKey(page);
    expect(b).not.toBe(a);

    // Saved in the background: once the outbox is empty, the first card has left the queue and its
    // history shows the call on top of what was there.
    await page.getByTestId('pending-calls').waitFor({ state: 'detached' });
    const inQueue = await page.evaluate(async (id) => {
      const queue = (await (await fetch('/api/queue?limit=200')).json()) as { items: { order?: { id: string } }[] };
      return queue.items.some((i) => i.order?.id === id);
    }, idA!);
    expect(inQueue).toBe(false);
    expect(await callsOfA()).toEqual(['not_reached', ...before]);
  });

  it('records a callback in 2 hours', async () => {
    const b = await cardKey(page);
    await page.keyboard.press('3');
    await page.getByRole('dialog').waitFor();
    await page.getByRole('button', { name: 'In 2 h' }).click();
    await expect(page.getByTestId('call-effect').textContent()).resolves.toMatch(/Due again/);
    await expectNoSeriousViolations(page, 'call dialog: call back');
    await page.getByLabel('Comment').focus();
    await page.keyboard.press('Enter');
    await waitForNextCard(page, b);
  });

  it('records "completed" with a letter using the name chip and a recording; the letter arrives and the recording plays', async () => {
    const c = await cardKey(page);
    const clientName = (await page.getByTestId('client-name').textContent())!;
    const orderId = await page.getByTestId('order-card').getAttribute('data-order-id');
    const attachmentStatuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/attachments/')) attachmentStatuses.push(r.status());
    });

    async function writeLetter() {
      await page.keyboard.press('1');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('Send a letter to the client').check();
      const editor = dialog.getByTestId('letter-editor');
      await editor.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.type('Dear ');
      await dialog.getByRole('button', { name: 'Client name' }).click();
      await page.keyboard.type(', thank you for your order.');
      await dialog.getByLabel('Subject').fill('Thank you');
      await dialog.getByTestId('letter-preview').getByText(`Dear ${clientName}`, { exact: false }).waitFor();
      return dialog;
    }

    await writeLetter();
    await screenshot(page, 'call-dialog-light');
    await expectNoSeriousViolations(page, 'call dialog: completed, with a letter');
    await page.keyboard.press('Escape');
    await page.getByTestId('color-mode').click();
    const dialog = await writeLetter();
    await dialog
      .getByTestId('recording-input')
      .setInputFiles({ name: 'call.wav', mimeType: 'audio/wav', buffer: silentWav() });
    await dialog.getByText('uploaded').waitFor();
    await screenshot(page, 'call-dialog-dark');
    await expectNoSeriousViolations(page, 'call dialog: completed, with a letter and a recording (dark)');
    await dialog.getByTestId('call-save').click();
    await waitForNextCard(page, c);
    await screenshot(page, 'workbench-dark');
    await expectNoSeriousViolations(page, 'workbench with a card (dark)');
    await page.getByTestId('color-mode').click();

    const letter = await waitForMail(run.smtp, (m) => m.text.includes('thank you for your order'));
    expect(letter.text).toContain(`Dear ${clientName}`);

    await page.goto(`${run.server.url}/orders/${orderId}`);
    const audio = page.locator('[data-type="call"] audio').first();
    await audio.waitFor();
    await audio.evaluate((el: HTMLAudioElement) => {
      el.muted = true;
      return el.play().catch(() => undefined);
    });
    await page.waitForFunction(
      () => ((document.querySelector('[data-type="call"] audio') as HTMLAudioElement | null)?.readyState ?? 0) >= 1,
    );
    // The player asks for byte ranges (seeking); the server answers them with 206.
    await audio.evaluate((el: HTMLAudioElement) => {
      el.currentTime = el.duration / 2;
    });
    await page.waitForFunction(
      () => ((document.querySelector('[data-type="call"] audio') as HTMLAudioElement | null)?.readyState ?? 0) >= 2,
    );
    expect(attachmentStatuses).toContain(206);
    await screenshot(page, 'order-card-light');
    await expectNoSeriousViolations(page, 'order card');
    await page.getByTestId('client-name').click();
    await page.getByTestId('client-page').waitFor();
    await screenshot(page, 'client-page-light');
    await expectNoSeriousViolations(page, 'client page');
    await page.getByTestId('color-mode').click();
    await screenshot(page, 'client-page-dark');
    await expectNoSeriousViolations(page, 'client page (dark)');
    await page.goBack();
    await page.getByTestId('order-card').waitFor();
    await screenshot(page, 'order-card-dark');
    await expectNoSeriousViolations(page, 'order card (dark)');
    await page.getByTestId('color-mode').click();
  });
});
