import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../local/services/jira';
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

describe('the real pages, with the real @forge/bridge, in headless Chromium', () => {
  it('admin Get started page: the resolver answers for the Jira admin with their accountId', async () => {
    const { frame } = await openAs(DEMO_USERS.admin.accountId, '/admin/get-started');
    await expect.poll(() => frame.locator('[data-testid="account-id"]').textContent(), { timeout: 20_000 }).toContain(DEMO_USERS.admin.accountId);
    expect(await frame.locator('[data-testid="admin-lozenge"]').textContent()).toContain('Jira admin');
    expect(await frame.locator('[data-testid="installed-at"]').textContent()).not.toContain('Not yet installed');
  });

  it('admin page: a member is refused by the resolver itself', async () => {
    const { frame } = await openAs(DEMO_USERS.member.accountId, '/admin');
    await expect.poll(() => frame.locator('[data-testid="error-message"]').textContent(), { timeout: 20_000 }).toContain('Only Jira administrators');
  });

  it('project page: shows the project from the page context and whether the user may edit', async () => {
    const lead = await openAs(DEMO_USERS.projectAdmin.accountId, '/project/DEMO');
    await expect.poll(() => lead.frame.locator('[data-testid="project-name"]').textContent(), { timeout: 20_000 }).toBe('Demo project');
    expect(await lead.frame.locator('[data-testid="edit-lozenge"]').textContent()).toContain('can edit');
    const member = await openAs(DEMO_USERS.member.accountId, '/project/DEMO');
    await expect.poll(() => member.frame.locator('[data-testid="edit-lozenge"]').textContent(), { timeout: 20_000 }).toContain('Read only');
  });

  it('the user switcher changes who the resolvers see', async () => {
    const { page, frame } = await openAs(DEMO_USERS.admin.accountId, '/admin/get-started');
    await expect.poll(() => frame.locator('[data-testid="account-id"]').textContent(), { timeout: 20_000 }).toContain(DEMO_USERS.admin.accountId);
    await page.selectOption('[data-testid="user-switcher"] select', DEMO_USERS.member.accountId);
    await expect.poll(() => frame.locator('[data-testid="error-message"]').textContent(), { timeout: 20_000 }).toContain('Only Jira administrators');
  });
});
