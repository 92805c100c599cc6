import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../integration/support/fixture-host';

const AXE = path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');

/**
 * Everything the page and its frames report as an error: `console.error` calls, failed loads and uncaught
 * exceptions. The one exception is the browser's own request for the sandbox chrome's favicon, which the chrome
 * does not serve (no page asks for it).
 */
export function watchConsoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error' && new URL(where || 'about:blank').pathname !== '/favicon.ico') errors.push(`${where}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return () => [...errors];
}

/** The app's iframe as a frame scripts can run in (axe, focus checks). */
export async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('[data-testid="app-frame"]')).contentFrame();
  if (!frame) throw new Error('the app frame has no document');
  return frame;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A/AA and best practices) in the frame as it is now and answers its serious and critical
 * violations, each with the elements at fault.
 */
export async function seriousA11yViolations(frame: Frame): Promise<AxeViolation[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ path: AXE });
  // Colours are judged at rest: mid-fade (a flag sliding in, a button leaving its loading state) text is paler.
  await frame.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    null,
    { timeout: 10_000 },
  );
  return frame.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 160)}`),
      }));
  });
}

/** The focused element of the frame: its id and test id, or BODY when focus was dropped. */
export function focused(frame: Frame): Promise<{ id: string; testId: string | null; tag: string }> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    return { id: element?.id ?? '', testId: element?.getAttribute('data-testid') ?? null, tag: element?.tagName ?? '' };
  });
}

/**
 * Presses Tab until the element with this id (or test id) has focus, as a keyboard user reaches it; fails when it is
 * not reached within `limit` presses, that is, when it cannot be reached by keyboard.
 */
export async function tabTo(page: Page, frame: Frame, target: { id: string } | { testId: string }, limit = 80): Promise<void> {
  const reached = async () => {
    const now = await focused(frame);
    return 'id' in target ? now.id === target.id : now.testId === target.testId;
  };
  for (let presses = 0; presses < limit; presses++) {
    if (await reached()) return;
    await page.keyboard.press('Tab');
  }
  if (!(await reached())) throw new Error(`${JSON.stringify(target)} was not reached with ${limit} presses of Tab`);
}
