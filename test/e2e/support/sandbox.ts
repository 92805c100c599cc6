import type { Browser, FrameLocator, Page } from 'playwright-core';
import { createHost } from '../../../local/host';
import type { Host } from '../../../local/host';
import { startSandboxServer } from '../../../local/server/sandbox-server';
import type { SandboxServer } from '../../../local/server/sandbox-server';
import { PROJECT_ROOT, tempDir } from '../../integration/support/fixture-host';
import { launchChromium } from './browser';

export interface BrowserSandbox {
  host: Host;
  server: SandboxServer;
  browser: Browser;
  /** Opens a sandbox page as a user (the "Act as" cookie) and returns the page and the app's iframe. */
  openAs(accountId: string, path: string): Promise<{ page: Page; frame: FrameLocator }>;
  close(): Promise<void>;
}

/** The real app (or another, e.g. a probe fixture), installed on a fresh local host, served over HTTP, with headless Chromium. */
export async function startBrowserSandbox(appDir = PROJECT_ROOT): Promise<BrowserSandbox> {
  const host = await createHost({ appDir, dataDir: tempDir() });
  await host.idle();
  const server = await startSandboxServer(host, { port: 0 });
  const browser = await launchChromium();
  return {
    host,
    server,
    browser,
    async openAs(accountId, path) {
      const context = await browser.newContext();
      // As the switcher sets it (sandbox-user.ts): no script of the page can read or change it.
      await context.addCookies([{ name: 'sandbox_user', value: accountId, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      return { page, frame: page.frameLocator('[data-testid="app-frame"]') };
    },
    async close() {
      await browser.close();
      await server.close();
      await host.close();
    },
  };
}
