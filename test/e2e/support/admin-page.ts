import fs from 'node:fs';
import path from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../integration/support/fixture-host';
import type { BrowserSandbox } from './sandbox';

const AXE = fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AppPage {
  page: Page;
  /** The app's iframe, for locators. */
  frame: FrameLocator;
  /** What the page and its frame logged with console.error, and what they threw: asserted empty at the end. */
  errors: string[];
  byTestId: (testId: string) => Locator;
  /** The frame's document, for scripts (axe, the bridge). */
  document: () => Promise<Frame>;
}

/** Opens a sandbox page as a user, listening for console errors and uncaught exceptions from the first moment. */
export async function openPage(sandbox: BrowserSandbox, accountId: string, pagePath: string): Promise<AppPage> {
  const context = await sandbox.browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  await context.addCookies([{ name: 'sandbox_user', value: accountId, url: sandbox.server.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(`${sandbox.server.url}${pagePath}`);
  const frame = page.frameLocator('[data-testid="app-frame"]');
  return {
    page,
    frame,
    errors,
    byTestId: (testId) => frame.locator(`[data-testid="${testId}"]`),
    document: async () => {
      const handle = await page.waitForSelector('[data-testid="app-frame"]');
      const document = await handle.contentFrame();
      if (!document) throw new Error('the app frame has no document');
      return document;
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core run in the app's frame: the serious and critical violations of the page as it is now. */
export async function seriousViolations(app: AppPage): Promise<AxeViolation[]> {
  const frame = await app.document();
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) await frame.evaluate(AXE);
  const violations = await frame.evaluate(async () => {
    // Judged as the admin sees it once still: a dialog or a flag fading in is not yet its final colour.
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Asserts the page state is accessible (no serious or critical axe violation); `state` names it in a failure. */
export async function expectAccessible(app: AppPage, state: string): Promise<void> {
  expect({ state, violations: await seriousViolations(app) }).toEqual({ state, violations: [] });
}

/** The page's app frame calls a resolver through the real @forge/bridge, as the page's own code would. */
export async function invokeFromPage(app: AppPage, key: string, payload: unknown): Promise<unknown> {
  const frame = await app.document();
  return frame.evaluate(
    ({ key, payload }) =>
      (window as unknown as { __bridge: { callBridge: (name: string, p: unknown) => Promise<unknown> } }).__bridge.callBridge('invoke', {
        functionKey: key,
        payload,
      }),
    { key, payload },
  );
}

/** Waits for the frame's focused element to carry this test id (focus kept where the admin is). */
export async function expectFocusOn(app: AppPage, testId: string): Promise<void> {
  const frame = await app.document();
  await expect
    .poll(
      () => frame.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName),
      {
        timeout: 10_000,
      },
    )
    .toBe(testId);
}
