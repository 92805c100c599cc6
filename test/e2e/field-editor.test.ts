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

describe('the field editor and API keys, with the real resolvers, in headless Chromium', () => {
  it('admin page: creates a list field with its options, and refuses a duplicate name under the name input', async () => {
    const { frame } = await openAs(DEMO_USERS.admin.accountId, '/admin');
    await byTestId(frame, 'fields-table').waitFor({ timeout: 20_000 });
    expect(await byTestId(frame, `field-row-${status.id}`).textContent()).toContain('On track');

    await byTestId(frame, 'create-field-name').fill('Risk level');
    await byTestId(frame, 'create-field-type').selectOption('list');
    await byTestId(frame, 'create-field-options').fill('Low\nMedium\n\nHigh\n');
    await byTestId(frame, 'create-field-submit').click();
    const row = byTestId(frame, 'fields-table').locator('tr', { hasText: 'Risk level' });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('3 options: Low, Medium, High');

    await byTestId(frame, 'create-field-name').fill('status');
    await byTestId(frame, 'create-field-type').selectOption('text');
    await byTestId(frame, 'create-field-submit').click();
    await expect.poll(() => byTestId(frame, 'create-field-error-name').textContent(), { timeout: 20_000 }).toContain('already exists');
  });

  it('admin page: a generated API key shows its secret once; after a reload only the row remains, until revoked', async () => {
    const { page, frame } = await openAs(DEMO_USERS.admin.accountId, '/admin');
    await byTestId(frame, 'apikey-name').waitFor({ timeout: 20_000 });
    await byTestId(frame, 'apikey-name').fill('E2E sync');
    await byTestId(frame, 'apikey-generate').click();

    const secretBox = byTestId(frame, 'apikey-secret');
    await secretBox.waitFor({ timeout: 20_000 });
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^prk_/);
    const row = frame.locator('[data-testid^="apikey-row-"]', { hasText: 'E2E sync' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    const rowTestId = (await row.getAttribute('data-testid'))!;
    const keyId = rowTestId.slice('apikey-row-'.length);

    await page.reload();
    await expect.poll(() => byTestId(frame, rowTestId).count(), { timeout: 20_000 }).toBe(1);
    expect(await byTestId(frame, 'apikey-secret').count()).toBe(0);
    expect(await frame.locator('body').textContent()).not.toContain(secret);

    await byTestId(frame, `apikey-revoke-${keyId}`).click();
    await byTestId(frame, `apikey-revoke-confirm-${keyId}`).click();
    await expect.poll(() => byTestId(frame, rowTestId).count(), { timeout: 20_000 }).toBe(0);
  });
});
