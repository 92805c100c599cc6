import type { Frame, Page } from 'playwright-core';
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

const admin = DEMO_USERS.admin.accountId;
const member = DEMO_USERS.member.accountId;

/** The app's iframe as a frame a script can run in: the page's own script, as far as the browser is concerned. */
async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('[data-testid="app-frame"]')).contentFrame();
  if (!frame) throw new Error('the app frame has no document');
  await frame.waitForFunction(() => typeof (window as { __bridge?: unknown }).__bridge === 'object');
  return frame;
}

/** Every way a page's script could try to act as someone else, run inside the Custom UI frame. */
function attemptEscalation(frame: Frame, chrome: string, target: string): Promise<Record<string, unknown>> {
  return frame.evaluate(
    async ({ chrome, target }) => {
      const tried: Record<string, unknown> = { cookieSeenByPage: document.cookie };
      const attempt = async (name: string, run: () => Promise<unknown>) => {
        try {
          tried[name] = await run();
        } catch (error) {
          tried[name] = `refused: ${(error as Error).name}`;
        }
      };
      document.cookie = `sandbox_user=${target}; path=/`;
      const switchForm = new URLSearchParams({ accountId: target, back: '/' });
      await attempt(
        'switchUser',
        async () => (await fetch(`${chrome}/__sandbox/user`, { method: 'POST', credentials: 'include', mode: 'no-cors', body: switchForm })).type,
      );
      await attempt('bridgeAtChrome', async () => {
        const body = JSON.stringify({ name: 'getContext', payload: null, moduleKey: 'projectrak-admin', extension: {} });
        const headers = { 'content-type': 'application/json' };
        return (await fetch(`${chrome}/__sandbox/bridge`, { method: 'POST', credentials: 'include', headers, body })).status;
      });
      await attempt(
        'bridgeAtOwnOrigin',
        async () => (await fetch('/__sandbox/bridge', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
      );
      await attempt('topNavigation', () => {
        (window.top as Window).location.href = `${chrome}/?navigated-by-page`;
        return Promise.resolve('navigated');
      });
      // A forged relay message: the chrome answers it, but with its own user, module and context.
      tried.forgedMessage = await new Promise((resolve) => {
        window.addEventListener('message', (event) => {
          const data = event.data as { id?: number; result?: { accountId?: string; moduleKey?: string } };
          if (data.id === 4242) resolve({ accountId: data.result?.accountId, moduleKey: data.result?.moduleKey });
        });
        window.parent.postMessage(
          {
            type: 'sandbox-bridge-call',
            id: 4242,
            name: 'getContext',
            payload: null,
            accountId: target,
            moduleKey: 'projectrak-project',
            extension: { project: { id: '10000' } },
          },
          chrome,
        );
      });
      return tried;
    },
    { chrome, target },
  );
}

describe("a Custom UI page's script cannot choose who it acts as", () => {
  it('a member’s page cannot become the Jira admin: cookie, switcher, bridge endpoint, navigation and forged messages all fail', async () => {
    const { page, frame: locator } = await sandbox.openAs(member, '/admin');
    await expect
      .poll(() => locator.locator('[data-testid="error-message"]').textContent(), { timeout: 20_000 })
      .toContain('Only Jira administrators');
    const frame = await appFrame(page);
    expect(new URL(frame.url()).origin).toBe(sandbox.server.framesUrl);

    const tried = await attemptEscalation(frame, sandbox.server.url, admin);
    expect(tried).toEqual({
      cookieSeenByPage: '',
      switchUser: 'opaque',
      bridgeAtChrome: 'refused: TypeError',
      bridgeAtOwnOrigin: 403,
      topNavigation: 'refused: SecurityError',
      forgedMessage: { accountId: member, moduleKey: 'projectrak-admin' },
    });

    // Still the member, for the chrome, the cookie and the app's own resolvers.
    const context = await frame.evaluate(() =>
      (window as unknown as { __bridge: { callBridge: (n: string) => Promise<{ accountId: string }> } }).__bridge.callBridge('getContext'),
    );
    expect(context.accountId).toBe(member);
    expect((await page.context().cookies(sandbox.server.url)).find((c) => c.name === 'sandbox_user')).toMatchObject({
      value: member,
      httpOnly: true,
    });
    expect(page.url()).toBe(`${sandbox.server.url}/admin`);
    await page.reload();
    expect(await page.locator('[data-testid="user-switcher"] select').inputValue()).toBe(member);
    const reloaded = page.frameLocator('[data-testid="app-frame"]');
    await expect
      .poll(() => reloaded.locator('[data-testid="error-message"]').textContent(), { timeout: 20_000 })
      .toContain('Only Jira administrators');
  });

  it('the chrome reads no more of the cookie than the page: the switcher is the only way to change user', async () => {
    const { page } = await sandbox.openAs(admin, '/admin');
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.selectOption('[data-testid="user-switcher"] select', member);
    await expect.poll(async () => (await page.context().cookies(sandbox.server.url)).find((c) => c.name === 'sandbox_user')?.value).toBe(member);
  });
});
