import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../local/services/jira';
import { EGRESS_APP } from '../integration/support/egress-host';
import { PROJECT_ROOT, tempDir } from '../integration/support/fixture-host';
import { startBrowserSandbox } from './support/sandbox';
import type { BrowserSandbox } from './support/sandbox';

let sandbox: BrowserSandbox;

/**
 * The probe app in a folder of its own, its page's script built there: the unmodified @forge/bridge bundled for
 * the browser, as a page's build holds it (nothing generated lands in the repository).
 */
async function builtProbeApp(): Promise<string> {
  const appDir = tempDir('egress-app-');
  fs.cpSync(EGRESS_APP, appDir, { recursive: true });
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(appDir, 'node_modules'));
  const page = path.join(appDir, 'static/page');
  await build({
    entryPoints: [path.join(page, 'bridge-entry.ts')],
    outfile: path.join(page, 'bridge.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
  });
  return appDir;
}

beforeAll(async () => {
  sandbox = await startBrowserSandbox(await builtProbeApp());
  sandbox.host.egress.addVirtualHost('hooks.customer.test', () => Promise.resolve(new Response('hooked')));
  sandbox.host.egress.addVirtualHost('img.customer.test', () => Promise.resolve(new Response('image')));
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(() => {
  for (const group of sandbox.host.egress.customer.groups()) sandbox.host.egress.customer.deleteGroup(group.key);
  sandbox.host.ui.egressOptions = { consent: 'approve', setMode: 'replace' };
});

const admin = DEMO_USERS.admin.accountId;
const member = DEMO_USERS.member.accountId;

async function probeFrame(accountId: string): Promise<{ page: Page; frame: Frame }> {
  const { page } = await sandbox.openAs(accountId, '/admin');
  const frame = await (await page.waitForSelector('[data-testid="app-frame"]')).contentFrame();
  if (!frame) throw new Error('no probe frame');
  await frame.waitForFunction(() => 'forgeBridge' in window);
  return { page, frame };
}

/** Calls `permissions.egress.<method>` of the real @forge/bridge inside the page: what it resolves or rejects with. */
function egress(
  frame: Frame,
  method: 'get' | 'set' | 'deleteDomain' | 'deleteGroup',
  payload: unknown,
): Promise<{ resolved?: unknown; rejected?: string }> {
  return frame.evaluate(
    async ({ method, payload }) => {
      type Egress = Record<string, (p: unknown) => Promise<unknown>>;
      const bridge = (window as unknown as { forgeBridge: { permissions: { egress: Egress } } }).forgeBridge;
      try {
        const resolved = await bridge.permissions.egress[method]!(payload);
        return { resolved: resolved === undefined ? 'undefined' : resolved };
      } catch (error) {
        return { rejected: (error as Error).message };
      }
    },
    { method, payload },
  );
}

const webhooks = {
  key: 'webhooks',
  description: 'Where project changes are sent',
  configured: [
    { domain: 'https://hooks.customer.test', type: ['FETCH_BACKEND_SIDE', 'FETCH_CLIENT_SIDE'] },
    { domain: 'https://img.customer.test', type: ['IMAGES'] },
  ],
};
const savedWebhooks = {
  key: 'webhooks',
  description: 'Where project changes are sent',
  configured: [
    { domain: 'https://hooks.customer.test', type: ['FETCH_BACKEND_SIDE'] },
    { domain: 'https://hooks.customer.test', type: ['FETCH_CLIENT_SIDE'] },
    { domain: 'https://img.customer.test', type: ['IMAGES'] },
  ],
};
const fetchAs = (url: string) => sandbox.host.ui.invoke({ moduleKey: 'egress-admin', accountId: admin, extension: {} }, 'fetch', { url });

describe('customer-managed egress through the real @forge/bridge, in headless Chromium', () => {
  it('the admin approves a group: set answers { results }, get lists it, and only FETCH_BACKEND_SIDE opens backend fetch', async () => {
    const { frame } = await probeFrame(admin);
    expect(await fetchAs('https://hooks.customer.test/x')).toMatchObject({ status: 403, proxyError: 'EGRESS_NOT_ALLOWED' });
    expect(await egress(frame, 'set', { egresses: [webhooks] })).toEqual({ resolved: { results: [savedWebhooks] } });
    expect(await egress(frame, 'get', {})).toEqual({ resolved: { results: [savedWebhooks] } });
    expect(await fetchAs('https://hooks.customer.test/x')).toMatchObject({ status: 200, body: 'hooked' });
    expect(await fetchAs('https://img.customer.test/x')).toMatchObject({ status: 403, proxyError: 'EGRESS_NOT_ALLOWED' });
  });

  it('deleteDomain removes one domain-type entry and deleteGroup the group; both resolve with nothing', async () => {
    const { frame } = await probeFrame(admin);
    await egress(frame, 'set', { egresses: [webhooks] });
    expect(await egress(frame, 'deleteDomain', { key: 'webhooks', domain: 'https://hooks.customer.test', type: 'FETCH_BACKEND_SIDE' })).toEqual({
      resolved: 'undefined',
    });
    expect(await fetchAs('https://hooks.customer.test/x')).toMatchObject({ status: 403 });
    expect(await egress(frame, 'get', { keys: ['webhooks'] })).toEqual({
      resolved: { results: [{ ...savedWebhooks, configured: savedWebhooks.configured.slice(1) }] },
    });
    expect(await egress(frame, 'deleteGroup', { key: 'webhooks' })).toEqual({ resolved: 'undefined' });
    expect(await egress(frame, 'get', {})).toEqual({ resolved: { results: [] } });
  });

  it('when the admin declines in the consent dialog, set rejects and nothing is saved', async () => {
    const { frame } = await probeFrame(admin);
    sandbox.host.ui.egressOptions = { consent: 'decline', setMode: 'replace' };
    expect(await egress(frame, 'set', { egresses: [webhooks] })).toEqual({ rejected: 'The admin declined the egress change in the consent dialog' });
    expect(await egress(frame, 'get', {})).toEqual({ resolved: { results: [] } });
    expect(await fetchAs('https://hooks.customer.test/x')).toMatchObject({ status: 403 });
  });

  it('a user who is not a Jira admin may read but not change, and a bad request is refused naming the field', async () => {
    const { frame: adminFrame } = await probeFrame(admin);
    await egress(adminFrame, 'set', { egresses: [webhooks] });
    const { frame } = await probeFrame(member);
    expect(await egress(frame, 'get', {})).toEqual({ resolved: { results: [savedWebhooks] } });
    expect(await egress(frame, 'set', { egresses: [webhooks] })).toEqual({ rejected: "Only a Jira admin can change the app's egress" });
    expect(await egress(frame, 'deleteGroup', { key: 'webhooks' })).toEqual({ rejected: "Only a Jira admin can change the app's egress" });
    expect(await egress(adminFrame, 'set', { egresses: [{ key: 'x', configured: [] }] })).toEqual({
      rejected: 'Invalid egress.set request: egresses.0.description: description is required',
    });
  });
});
