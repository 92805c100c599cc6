import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../local/services/jira';
import type { AppPage } from './support/admin-page';
import { expectAccessible, expectFocusOn, openPage } from './support/admin-page';
import { startBrowserSandbox } from './support/sandbox';
import type { BrowserSandbox } from './support/sandbox';

let sandbox: BrowserSandbox;
let opened: AppPage[] = [];

beforeAll(async () => {
  sandbox = await startBrowserSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(() => {
  // Each test approves its receiver's domain through the page, as a new site's admin would.
  for (const group of sandbox.host.egress.customer.groups()) sandbox.host.egress.customer.deleteGroup(group.key);
  sandbox.host.ui.egressOptions = { consent: 'approve', setMode: 'replace' };
});
afterEach(() => {
  // No console.error, no uncaught exception, on any page a test opened.
  const errors = opened.flatMap((app) => app.errors);
  opened = [];
  expect(errors).toEqual([]);
});

const admin = DEMO_USERS.admin.accountId;
const RECEIVER = 'https://receiver.sandbox.test';

async function openAdmin(path = '/admin/webhooks'): Promise<AppPage> {
  const app = await openPage(sandbox, admin, path);
  opened.push(app);
  return app;
}

/** A change of a project field, made by the DEMO project's lead through the project page's resolver. */
async function changeDemo(text = `Launch ${randomUUID()}`): Promise<string> {
  const answer = await sandbox.host.ui.invoke(
    { moduleKey: 'projectrak-project', accountId: DEMO_USERS.projectAdmin.accountId, extension: { project: { id: '10000' } } },
    'values/update',
    { projectId: '10000', values: { 'What are we doing?': text } },
  );
  expect(answer).toMatchObject({ changed: [1006] });
  return text;
}

const receivedAt = (path: string) => sandbox.server.receiver.list(1000).filter((r) => new URL(r.url).pathname === path);

/** Creates a webhook through the page's form; answers its id and the secret shown once. */
async function createWebhook(app: AppPage, name: string, url: string): Promise<{ id: string; secret: string }> {
  await app.byTestId('webhook-create').click();
  await app.byTestId('webhook-name').fill(name);
  await app.byTestId('webhook-url').fill(url);
  await expectAccessible(app, 'create webhook dialog');
  await app.byTestId('webhook-form-save').click();
  const secret = await app.byTestId('webhook-secret-value').inputValue({ timeout: 20_000 });
  await expectAccessible(app, 'secret shown once');
  await app.byTestId('webhook-secret-done').click();
  await expectFocusOn(app, 'webhook-create');
  const row = app.frame.locator('[data-testid^="webhook-row-"]', { hasText: name });
  await row.waitFor({ timeout: 20_000 });
  const id = (await row.getAttribute('data-testid'))!.slice('webhook-row-'.length);
  return { id, secret };
}

/** The triggers of the delivery log's attempts, newest first. */
const triggers = (app: AppPage) => app.frame.locator('[data-testid^="delivery-trigger-"][data-testid$="--text"]').allTextContents();
const statusLabel = (app: AppPage, id: string) => app.byTestId(`webhook-status-label-${id}--text`).textContent();

describe('the Webhooks subpage, with the real resolvers and the demo receiver, in headless Chromium', () => {
  it('the admin creates a webhook, approves its domain, and sees it turn green OK after a change, with the delivery in its log and at the receiver', async () => {
    const app = await openAdmin();
    await app.byTestId('webhooks-empty').waitFor({ timeout: 20_000 });
    await expectAccessible(app, 'no webhooks yet');
    const path = `/hooks/e2e-ok-${randomUUID().slice(0, 8)}`;
    const { id, secret } = await createWebhook(app, 'Demo receiver', `${RECEIVER}${path}`);
    expect(secret).toMatch(/^whsec_/);
    expect(sandbox.host.egress.customer.backendDomains()).toEqual(['https://receiver.sandbox.test']);
    expect(await statusLabel(app, id)).toBe('Never run');

    const text = await changeDemo();
    // The page refreshes on its own while open.
    await expect.poll(() => statusLabel(app, id), { timeout: 30_000 }).toBe('OK');
    const last = app.byTestId(`webhook-last-${id}`);
    expect(Date.now() - Date.parse((await last.getAttribute('datetime'))!)).toBeLessThan(120_000);
    expect(await last.textContent()).toMatch(/just now|seconds? ago/);
    await expectAccessible(app, 'a webhook with status OK');

    const [request] = receivedAt(path);
    const verified = new Webhook(secret).verify(request!.body, request!.headers) as { data: { fields: { value: { current: unknown } }[] } };
    expect(verified.data.fields.map((f) => f.value.current)).toEqual([text]);

    await app.byTestId(`webhook-open-${id}`).click();
    await expect.poll(() => app.page.url()).toBe(`${sandbox.server.url}/admin/webhooks/${id}`);
    const entry = app.frame.locator('[data-testid^="delivery-status-"][data-testid$="--text"]').first();
    await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toBe('OK');
    const entryId = (await entry.getAttribute('data-testid'))!.slice('delivery-status-'.length, -'--text'.length);
    expect(await app.byTestId(`delivery-trigger-${entryId}--text`).textContent()).toBe('Change');
    expect(await app.byTestId(`delivery-outcome-${entryId}`).textContent()).toBe('HTTP 200');
    await app.byTestId(`delivery-toggle-${entryId}`).click();
    expect(await app.byTestId(`delivery-request-body-${entryId}`).textContent()).toContain(text);
    expect(await app.byTestId(`delivery-request-headers-${entryId}`).textContent()).toContain('webhook-signature: v1,');
    await expectAccessible(app, 'delivery log with an attempt opened');

    await app.byTestId('webhook-page-test').click();
    await expect.poll(() => triggers(app), { timeout: 30_000 }).toEqual(['Test event', 'Change']);
    const test = JSON.parse(receivedAt(path)[0]!.body) as { data: { test?: boolean } };
    expect(test.data.test).toBe(true);
  });

  it('redeliver sends the logged delivery again, with the same webhook-id, and the log shows it', async () => {
    const app = await openAdmin();
    const path = `/hooks/e2e-redeliver-${randomUUID().slice(0, 8)}`;
    const { id } = await createWebhook(app, 'Redelivered', `${RECEIVER}${path}`);
    await changeDemo();
    await expect.poll(() => receivedAt(path).length, { timeout: 30_000 }).toBe(1);

    await app.byTestId(`webhook-open-${id}`).click();
    const first = app.frame.locator('[data-testid^="delivery-redeliver-"]').first();
    await first.click({ timeout: 20_000 });
    await expect.poll(() => receivedAt(path).length, { timeout: 30_000 }).toBe(2);
    const [original, again] = receivedAt(path).reverse();
    expect(again!.headers['webhook-id']).toBe(original!.headers['webhook-id']);
    expect(again!.body).toBe(original!.body);
    await expect.poll(() => triggers(app), { timeout: 20_000 }).toEqual(['Redelivery', 'Change']);
    await expectAccessible(app, 'delivery log after a redelivery');
  });

  it('rotating the secret shows the new one once; the switch turns the webhook off and on', async () => {
    const app = await openAdmin();
    const { id, secret } = await createWebhook(app, 'Rotated', `${RECEIVER}/hooks/e2e-rotate-${randomUUID().slice(0, 8)}`);
    await app.byTestId(`webhook-toggle-${id}`).click();
    await expect.poll(() => statusLabel(app, id), { timeout: 20_000 }).toBe('Off');
    await expectFocusOn(app, `webhook-toggle-${id}--input`);
    await app.page.keyboard.press('Space');
    await expect.poll(() => statusLabel(app, id), { timeout: 20_000 }).toBe('Never run');

    await app.byTestId(`webhook-open-${id}`).click();
    await app.byTestId('webhook-page-rotate').click({ timeout: 20_000 });
    await expectAccessible(app, 'rotate confirmation');
    await app.byTestId('webhook-rotate-dialog-confirm').click();
    const rotated = await app.byTestId('webhook-secret-value').inputValue({ timeout: 20_000 });
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await app.byTestId('webhook-secret-done').click();
    await expect.poll(() => app.byTestId('webhook-secret').count()).toBe(0);
  });

  it('a receiver answering 500 shows red ERROR, with the code and reason on hover', async () => {
    const app = await openAdmin();
    const { id } = await createWebhook(app, 'Failing receiver', `${RECEIVER}/hooks/e2e-500-${randomUUID().slice(0, 8)}/status/500`);
    await changeDemo();
    await expect.poll(() => statusLabel(app, id), { timeout: 30_000 }).toBe('ERROR');
    const status = app.byTestId(`webhook-status-${id}`);
    expect(await status.getAttribute('data-detail')).toBe('HTTP 500: the receiver answered 500');
    await status.hover();
    await expect.poll(() => app.frame.getByRole('tooltip').textContent(), { timeout: 10_000 }).toBe('HTTP 500: the receiver answered 500');
    await expectAccessible(app, 'a webhook with status ERROR, its tooltip open');

    // Its delivery is still being retried, so nothing has failed for good yet: nothing to replay.
    await app.byTestId(`webhook-open-${id}`).click();
    await app.byTestId('webhook-page-replay').click({ timeout: 20_000 });
    await app.byTestId('replay-since').waitFor({ timeout: 20_000 });
    await expectAccessible(app, 'replay dialog with its date and time');
    await app.byTestId('webhook-replay-save').click();
    await expect.poll(() => app.frame.locator('[data-testid="flag-info"]').textContent(), { timeout: 20_000 }).toContain('Nothing to replay');
    await expectFocusOn(app, 'webhook-page-replay');
  });

  it('a URL Projectrak refuses shows its reason under the URL field, and an http URL is caught before asking', async () => {
    const app = await openAdmin();
    await app.byTestId('webhook-create').click({ timeout: 20_000 });
    await app.byTestId('webhook-name').fill('Refused');
    await app.byTestId('webhook-url').fill('http://hooks.example.com/x');
    await app.byTestId('webhook-form-save').click();
    await expect.poll(() => app.byTestId('webhook-url-error').textContent()).toBe('Use an https:// URL: Forge sends webhooks over HTTPS only.');
    await expectFocusOn(app, 'webhook-url');
    await app.byTestId('webhook-url').fill('https://10.0.0.7/hooks');
    await app.byTestId('webhook-form-save').click();
    await expect
      .poll(() => app.byTestId('webhook-url-error').textContent(), { timeout: 20_000 })
      .toBe('Points at a private address (10/8, 172.16/12, 192.168/16).');
    expect(await app.byTestId('webhook-form-failure').count()).toBe(0);
    await expectAccessible(app, 'a URL refused by Projectrak');
  });

  it('a receiver answering 410 gets the webhook disabled: the page shows Disabled, the reason and the held count', async () => {
    const app = await openAdmin();
    const { id } = await createWebhook(app, 'Gone receiver', `${RECEIVER}/hooks/e2e-410-${randomUUID().slice(0, 8)}/status/410`);
    await changeDemo();
    await expect.poll(() => statusLabel(app, id), { timeout: 30_000 }).toBe('Disabled');
    await changeDemo();
    await expect.poll(() => app.byTestId(`webhook-held-${id}`).textContent(), { timeout: 30_000 }).toBe('1');
    expect(await app.byTestId(`webhook-status-${id}`).getAttribute('data-detail')).toMatch(/^Projectrak disabled it: the receiver answered 410 Gone/);
    expect(await app.byTestId(`webhook-toggle-${id}--input`).isChecked()).toBe(false);
    await expectAccessible(app, 'an auto-disabled webhook in the list');

    await app.byTestId(`webhook-open-${id}`).click();
    await expect.poll(() => app.byTestId('disabled-reason').textContent(), { timeout: 20_000 }).toMatch(/^Why: the receiver answered 410 Gone/);
    expect(await app.byTestId('held-count').textContent()).toMatch(/^1 change is waiting for it/);
    await expectAccessible(app, 'an auto-disabled webhook, its held deliveries');

    await app.byTestId('held-discard').click();
    await expectAccessible(app, 'discard held confirmation');
    await app.byTestId('webhook-discard-dialog-confirm').click();
    await expect.poll(() => app.byTestId('held-count').textContent(), { timeout: 20_000 }).toBe('No deliveries are waiting for it.');
  });

  it('when the admin declines the domain, the webhook is saved, and the page says deliveries are blocked until it is approved', async () => {
    sandbox.host.ui.egressOptions = { consent: 'decline', setMode: 'replace' };
    const app = await openAdmin();
    await createWebhook(app, 'Not yet approved', `${RECEIVER}/hooks/e2e-declined`);
    await expect.poll(() => app.frame.locator('[data-testid="flag-warning"]').textContent(), { timeout: 20_000 }).toContain('recorded as blocked');
    const notice = app.byTestId('unapproved-domains');
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain('https://receiver.sandbox.test');
    expect(sandbox.host.egress.customer.backendDomains()).toEqual([]);
    await expectAccessible(app, 'a domain waiting for approval');

    sandbox.host.ui.egressOptions = { consent: 'approve', setMode: 'replace' };
    await app.byTestId('approve-domain-https://receiver.sandbox.test').click();
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(0);
    expect(sandbox.host.egress.customer.backendDomains()).toEqual(['https://receiver.sandbox.test']);
    await app.byTestId('approved-domains-toggle').click();
    expect(await app.byTestId('approved-domains').textContent()).toContain('https://receiver.sandbox.test');
    await expectAccessible(app, 'the domain approved, the approved domains listed');
  });
});
