import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createHost } from '../local/host';
import type { Host } from '../local/host';
import { loadManifest } from '../local/runtime/manifest';
import { buildPages } from '../local/server/build-pages';
import { startSandboxServer } from '../local/server/sandbox-server';
import { DEMO_USERS } from '../local/services/jira';
import { launchChromium } from '../test/e2e/support/browser';

/**
 * `npm run screenshots`: the admin page as the README shows it, on a fresh sandbox with two webhooks (one delivering,
 * one whose receiver answers 500), written to docs/screenshots/. Not part of `npm test`.
 */
const OUT = path.resolve('docs/screenshots');
const admin = DEMO_USERS.admin.accountId;
const RECEIVER = 'https://receiver.sandbox.test';

async function call(host: Host, key: string, payload: unknown, accountId: string = admin, projectId?: string): Promise<Record<string, unknown>> {
  const caller = projectId
    ? { moduleKey: 'projectrak-project', accountId, extension: { project: { id: projectId } } }
    : { moduleKey: 'projectrak-admin', accountId, extension: {} };
  const answer = (await host.ui.invoke(caller, key, payload)) as Record<string, unknown>;
  if ('error' in answer) throw new Error(`${key} refused: ${JSON.stringify(answer.error)}`);
  return answer;
}

async function seed(host: Host): Promise<string> {
  host.ui.bridge({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, '__permission__egressSet', {
    egresses: [
      {
        key: 'projectrak-webhooks-1',
        description: 'Webhook receivers',
        configured: [{ domain: RECEIVER, type: ['FETCH_BACKEND_SIDE'] }],
      },
    ],
  });
  const crm = (await call(host, 'webhooks/create', { name: 'CRM sync', url: `${RECEIVER}/hooks/crm` })) as { webhook: { id: string } };
  await call(host, 'webhooks/create', { name: 'Data warehouse', url: `${RECEIVER}/hooks/warehouse/status/500`, strictOrder: true });
  const pat = DEMO_USERS.projectAdmin.accountId;
  for (const [status, doing] of [
    ['At risk', 'Moving billing to the new platform'],
    ['On track', 'Moving billing to the new platform, phase 2'],
  ])
    await call(host, 'values/update', { projectId: '10000', values: { Status: status, 'What are we doing?': doing } }, pat, '10000');
  // Not host.idle(): the failing webhook's retries keep the queue busy for hours. Wait for both to have run once.
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const { webhooks } = (await call(host, 'webhooks/list', {})) as { webhooks: { status: { lastStatus: string | null } }[] };
    if (webhooks.every((w) => w.status.lastStatus !== null)) return crm.webhook.id;
  }
  throw new Error('the webhooks did not run within a minute');
}

async function shoot(browser: Browser, url: string, file: string, prepare: (page: Page) => Promise<void>, height = 900): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1400, height }, reducedMotion: 'reduce' });
  await context.addCookies([{ name: 'sandbox_user', value: admin, url: new URL(url).origin, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  await page.goto(url);
  await prepare(page);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(OUT, file) });
  await context.close();
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  const loaded = loadManifest(process.cwd());
  await buildPages(loaded, { log: (line) => console.log(line) });
  const host = await createHost({ appDir: process.cwd(), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-')), appLog: () => undefined });
  await host.idle();
  const server = await startSandboxServer(host, { port: 0 });
  const browser = await launchChromium();
  try {
    const okId = await seed(host);
    fs.mkdirSync(OUT, { recursive: true });
    const frame = (page: Page) => page.frameLocator('[data-testid="app-frame"]');
    await shoot(browser, `${server.url}/admin/webhooks`, 'admin-webhooks.png', async (page) => {
      await frame(page).locator(`[data-testid="webhook-status-label-${okId}--text"]`, { hasText: 'OK' }).waitFor({ timeout: 30_000 });
      await frame(page).locator('[data-testid^="webhook-status-label-"]', { hasText: 'ERROR' }).first().waitFor({ timeout: 30_000 });
    });
    await shoot(
      browser,
      `${server.url}/admin/webhooks/${okId}`,
      'admin-delivery-log.png',
      async (page) => {
        const toggle = frame(page).locator('[data-testid^="delivery-toggle-"]').first();
        await toggle.click({ timeout: 30_000 });
        await frame(page).locator('[data-testid^="delivery-request-body-"]').first().waitFor();
      },
      1300,
    );
    await shoot(
      browser,
      `${server.url}/admin/fields`,
      'admin-fields.png',
      (page) => frame(page).locator('[data-testid="fields-table--table"]').waitFor({ timeout: 30_000 }),
      1100,
    );
    await shoot(browser, `${server.url}/admin/get-started`, 'admin-get-started.png', (page) =>
      frame(page).locator('[data-testid="app-status"]').waitFor({ timeout: 30_000 }),
    );
  } finally {
    await browser.close();
    await server.close();
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
