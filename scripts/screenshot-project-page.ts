import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createHost } from '../local/host';
import { buildPages } from '../local/server/build-pages';
import { startSandboxServer } from '../local/server/sandbox-server';
import { DEMO_USERS } from '../local/services/jira';
import { launchChromium } from '../test/e2e/support/browser';

/**
 * `npm run screenshots` (this file's part): the project page of the sandbox's DEMO project, with values in every
 * kind of field, as its lead edits it and as a member reads it. Writes docs/screenshots/project-page*.png.
 */
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs/screenshots');
const lead = DEMO_USERS.projectAdmin.accountId;
const VIEWPORT = { width: 1280, height: 2600 };
const admin = DEMO_USERS.admin.accountId;
/** Fields an admin adds, so the picture shows an editor of each kind (text, number, list, a single person). */
const EXTRA_FIELDS = [
  { name: 'Code name', type: 'text', description: 'What the team calls it.' },
  { name: 'Budget', type: 'number', description: 'In euros.' },
  { name: 'Phase', type: 'list', options: ['Discovery', 'Build', 'Launch'] },
  { name: 'Sponsor', type: 'user' },
];

const DEMO_VALUES = {
  Status: 'At risk',
  Priority: 'High',
  'Start date': '2026-03-02',
  'End date': '2026-06-26',
  'Estimated time': 2 * 5 * 8 * 3_600_000 + 3 * 8 * 3_600_000 + 4 * 3_600_000,
  'What are we doing?': 'Moving billing to the new platform: invoices first, then refunds.',
  'Why are we doing it?': 'The old system cannot bill in more than one currency.',
  'Related projects': ['10001', '10002'],
  Stakeholders: [admin, lead],
  'Code name': 'Ledger',
  Budget: 120000,
  Phase: 'Build',
  Sponsor: admin,
};

async function shoot(browser: Browser, url: string, accountId: string, file: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addCookies([{ name: 'sandbox_user', value: accountId, url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  await page.goto(`${url}/project/DEMO`);
  const frame = page.frameLocator('[data-testid="app-frame"]');
  await frame.locator('[data-testid="jira-attributes"]').waitFor({ timeout: 30_000 });
  // Let the theme and fonts settle before the picture.
  await page.waitForTimeout(500);
  await frame.locator('[data-testid="project-page"]').screenshot({ path: path.join(OUT, file) });
  await context.close();
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  const host = await createHost({ appDir: ROOT, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-')), appLog: () => undefined });
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startSandboxServer>> | undefined;
  try {
    await host.idle();
    await buildPages(host.loaded, { log: (line) => console.log(line) });
    server = await startSandboxServer(host, { port: 0 });
    for (const field of EXTRA_FIELDS)
      await host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, 'fields/create', field);
    const caller = { moduleKey: 'projectrak-project', accountId: lead, extension: { project: { id: '10000' } } };
    const saved = await host.ui.invoke(caller, 'values/update', { projectId: '10000', values: DEMO_VALUES });
    if (!saved || typeof saved !== 'object' || 'error' in saved) throw new Error(`could not store the demo values: ${JSON.stringify(saved)}`);
    await host.idle();
    fs.mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    await shoot(browser, server.url, lead, 'project-page.png');
    await shoot(browser, server.url, DEMO_USERS.member.accountId, 'project-page-read-only.png');
  } finally {
    await browser?.close();
    await server?.close();
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
