import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../local/services/jira';
import { PREDEFINED_FIELDS } from '../../src/core/fields/predefined';
import { startBrowserSandbox } from './support/sandbox';
import type { BrowserSandbox } from './support/sandbox';

let sandbox: BrowserSandbox;

beforeAll(async () => {
  sandbox = await startBrowserSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const openAs = (accountId: string, path: string) => sandbox.openAs(accountId, path);

const byTestId = (frame: FrameLocator, testId: string) => frame.locator(`[data-testid="${testId}"]`);

function predefined(name: string) {
  const field = PREDEFINED_FIELDS.find((f) => f.name === name);
  if (!field) throw new Error(`no predefined field "${name}"`);
  return field;
}

const status = predefined('Status');
const doing = predefined('What are we doing?');
const atRisk = status.options!.find((option) => option.name === 'At risk')!;
const story = 'Moving *billing* to the new platform\n- phase 1: invoices\n- phase 2: refunds';

describe('the field editor, with the real resolvers, in headless Chromium', () => {
  it('project page: the DEMO project admin sets a text field and a status, saves, and sees them after a reload', async () => {
    const { page, frame } = await openAs(DEMO_USERS.projectAdmin.accountId, '/project/DEMO');
    const doingInput = byTestId(frame, `field-input-${doing.id}`);
    const statusInput = byTestId(frame, `field-input-${status.id}`);
    await doingInput.waitFor({ timeout: 20_000 });

    await doingInput.fill(story);
    await statusInput.selectOption(String(atRisk.id));
    await byTestId(frame, 'save-button').click();
    await expect.poll(() => byTestId(frame, 'save-result').textContent(), { timeout: 20_000 }).toBe('Saved 2 fields');
    expect(await frame.locator('[data-testid^="field-error-"]').count()).toBe(0);

    await page.reload();
    await expect.poll(() => byTestId(frame, `field-input-${doing.id}`).inputValue(), { timeout: 20_000 }).toBe(story);
    expect(await byTestId(frame, `field-input-${status.id}`).inputValue()).toBe(String(atRisk.id));

    // Saving again with nothing touched sends nothing.
    await byTestId(frame, 'save-button').click();
    await expect.poll(() => byTestId(frame, 'save-result').textContent()).toBe('Nothing changed');
  });

  it('project page: a member sees the values as text only, with no inputs and no Save button', async () => {
    const { frame } = await openAs(DEMO_USERS.member.accountId, '/project/DEMO');
    const statusValue = byTestId(frame, `read-only-value-${status.id}`);
    await statusValue.waitFor({ timeout: 20_000 });
    expect(await statusValue.textContent()).toBe(atRisk.name);
    expect(await byTestId(frame, `read-only-value-${doing.id}`).textContent()).toBe(story);
    expect(await byTestId(frame, 'save-button').count()).toBe(0);
    expect(await frame.locator('[data-testid^="field-input-"]').count()).toBe(0);
  });
});
