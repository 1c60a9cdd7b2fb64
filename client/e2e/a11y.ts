import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './harness';

/** axe-core from npm, evaluated in the page (an inline script tag would meet the server's CSP). */
const axeSource = readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 A and AA, plus axe's best practices. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
type Violation = { id: string; impact: Impact | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe on the page (or the open modal dialog) as it is now, once dialogs and menus have finished fading in. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // A transition in flight (a dialog fading in) would be measured at half its contrast.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: Violation[] }> } })
      .axe;
    // With a modal dialog open the page behind it is inert and dimmed: what a person can reach is the
    // dialog, and the dimmed page (checked on its own before) would be measured through the backdrop.
    const modals = document.querySelectorAll(
      '[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]',
    );
    const context = modals.length > 0 ? modals[modals.length - 1]! : document;
    const { violations } = await axe.run(context, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target })),
    }));
  }, tags);
}

const isBlocking = (v: Violation) => v.impact === 'critical' || v.impact === 'serious';

/**
 * Fails on any critical or serious axe violation, naming the rule and the elements; every screen's
 * counts are printed, so a moderate or minor finding is seen without failing the run.
 */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  let violations = await axeViolations(page);
  if (violations.some(isBlocking)) {
    // A part still arriving (a section swapping its skeleton for content) can be measured between two
    // states; what a person sees is the screen once it settles, so a finding must still be there a second later.
    console.log(
      `axe ${screen}: ${violations
        .filter(isBlocking)
        .map((v) => v.id)
        .join(', ')} on the first look; looking again`,
    );
    await page.waitForTimeout(1_000);
    violations = await axeViolations(page);
  }
  const count = (impact: Impact) =>
    violations.filter((v) => v.impact === impact).reduce((sum, v) => sum + v.nodes.length, 0);
  const rules = violations.map((v) => `${v.id} (${v.impact})`).join(', ');
  console.log(
    `axe ${screen}: ${count('critical')} critical, ${count('serious')} serious, ${count('moderate')} moderate, ${count('minor')} minor${rules ? ` — ${rules}` : ''}`,
  );
  const blocking = violations.filter(isBlocking);
  if (blocking.length === 0) return;
  const details = blocking
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  throw new Error(`${screen}: ${blocking.length} critical or serious axe rule(s) violated\n${details}`);
}
