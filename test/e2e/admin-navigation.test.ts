import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
afterEach(() => {
  const errors = opened.flatMap((app) => app.errors);
  opened = [];
  expect(errors).toEqual([]);
});

const admin = DEMO_USERS.admin.accountId;

async function open(path: string): Promise<AppPage> {
  const app = await openPage(sandbox, admin, path);
  opened.push(app);
  return app;
}

/** The page's h1 (Atlaskit's page header title), once the subpage is shown. */
const title = (app: AppPage) => app.frame.locator('h1').first().textContent({ timeout: 20_000 });
const currentInSidebar = (app: AppPage) => app.page.locator('[data-testid="admin-sidebar"] a[aria-current="page"]').allTextContents();

describe('the admin page in Jira’s admin space: subpages in the sidebar, routed with view.createHistory()', () => {
  it('opens each subpage from its deep link, the sidebar marking it', async () => {
    for (const [path, heading, item] of [
      ['/admin', 'Webhooks', 'Webhooks'],
      ['/admin/webhooks', 'Webhooks', 'Webhooks'],
      ['/admin/fields', 'Fields', 'Fields'],
      ['/admin/api-keys', 'API keys', 'API keys'],
    ] as const) {
      const app = await open(path);
      expect({ path, heading: await title(app), sidebar: await currentInSidebar(app) }).toEqual({ path, heading, sidebar: [item] });
      await app.frame.locator('[data-testid="loading"]').waitFor({ state: 'detached', timeout: 20_000 });
      await expectAccessible(app, `${path}, loaded`);
    }
    const lost = await open('/admin/settings');
    await lost.byTestId('not-found').waitFor({ timeout: 20_000 });
    await expectAccessible(lost, 'a path with no page');
  });

  it('follows the sidebar without reloading the page, and back and forward return to each subpage', async () => {
    const app = await open('/admin/fields');
    expect(await title(app)).toBe('Fields');
    const frameUrl = (await app.document()).url();
    await app.page.locator('[data-testid="admin-sidebar"] a', { hasText: 'API keys' }).click();
    await expect.poll(() => title(app)).toBe('API keys');
    expect([app.page.url(), await currentInSidebar(app)]).toEqual([`${sandbox.server.url}/admin/api-keys`, ['API keys']]);
    expect((await app.document()).url()).toBe(frameUrl);

    await app.page.goBack();
    await expect.poll(() => title(app)).toBe('Fields');
    expect([app.page.url(), await currentInSidebar(app)]).toEqual([`${sandbox.server.url}/admin/fields`, ['Fields']]);
    await expectAccessible(app, 'Fields, reached by Back');
    await app.page.goForward();
    await expect.poll(() => title(app)).toBe('API keys');
    expect(app.page.url()).toBe(`${sandbox.server.url}/admin/api-keys`);
  });

  it('a webhook’s own page has its own URL: reached by keyboard, its title takes focus; Back returns to the list', async () => {
    const created = (await sandbox.host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, 'webhooks/create', {
      name: 'Keyboard',
      url: 'https://receiver.sandbox.test/hooks/keyboard',
    })) as { webhook: { id: string } };
    const { id } = created.webhook;
    const app = await open('/admin/webhooks');
    await app.byTestId(`webhook-open-${id}`).focus({ timeout: 20_000 });
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.url()).toBe(`${sandbox.server.url}/admin/webhooks/${id}`);
    await expectFocusOn(app, 'webhook-page-header--title');
    await app.byTestId('delivery-log').waitFor({ timeout: 20_000 });
    await expectAccessible(app, 'a webhook’s page, nothing delivered yet');

    await app.page.goBack();
    await expect.poll(() => app.byTestId(`webhook-open-${id}`).count(), { timeout: 20_000 }).toBe(1);
    expect(app.page.url()).toBe(`${sandbox.server.url}/admin/webhooks`);
    await sandbox.host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, 'webhooks/delete', { id });
  });

  it('dialogs open from the keyboard, close with Escape, and give focus back to what opened them', async () => {
    const app = await open('/admin/webhooks');
    await app.byTestId('webhook-create').focus({ timeout: 20_000 });
    await app.page.keyboard.press('Enter');
    await app.byTestId('webhook-name').waitFor({ timeout: 20_000 });
    await app.frame.locator('[data-testid="loading"]').waitFor({ state: 'detached', timeout: 20_000 });
    await expectAccessible(app, 'create webhook dialog opened from the keyboard');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.byTestId('webhook-form').count()).toBe(0);
    await expectFocusOn(app, 'webhook-create');

    const fields = await open('/admin/fields');
    await fields.byTestId('field-archive-1003').focus({ timeout: 20_000 });
    await fields.page.keyboard.press('Enter');
    await fields.byTestId('field-archive-dialog').waitFor({ timeout: 20_000 });
    await fields.page.keyboard.press('Escape');
    await expect.poll(() => fields.byTestId('field-archive-dialog').count()).toBe(0);
    await expectFocusOn(fields, 'field-archive-1003');
  });

  it('the page moves the URL only within its own path: the chrome refuses a push anywhere else', async () => {
    const app = await open('/admin/fields');
    expect(await title(app)).toBe('Fields');
    const frame = await app.document();
    const pushed = await frame.evaluate(async () => {
      const bridge = (window as unknown as { __bridge: { callBridge: (name: string, payload: unknown) => Promise<unknown> } }).__bridge;
      const attempt = (pathname: string) =>
        bridge.callBridge('__sandboxHistory', { op: 'push', location: { pathname } }).then(
          () => 'moved',
          (error: Error) => error.message,
        );
      return [await attempt('/../receiver'), await attempt('//evil.example/x'), await attempt('receiver')];
    });
    expect(pushed).toEqual([
      'history: "/../receiver" is not a path of this page',
      'history: "//evil.example/x" is not a path of this page',
      'history: "receiver" is not a path of this page',
    ]);
    expect(app.page.url()).toBe(`${sandbox.server.url}/admin/fields`);
  });

  it('Manage apps leads to the Get started page, whose steps lead to the subpages (router.navigate)', async () => {
    const app = await open('/manage-apps');
    await app.page.locator('[data-testid="manage-apps-get-started"]').click();
    await expect.poll(() => app.page.url()).toBe(`${sandbox.server.url}/admin/get-started`);
    await expect.poll(() => title(app)).toBe('Get started with Projectrak webhooks');
    expect(await currentInSidebar(app)).toEqual([]);
    expect(await app.byTestId('account-id').textContent()).toBe(admin);
    await expectAccessible(app, 'the Get started page');

    await app.byTestId('get-started-/webhooks').click();
    await expect.poll(() => app.page.url(), { timeout: 20_000 }).toBe(`${sandbox.server.url}/admin/webhooks`);
    await expect.poll(() => title(app)).toBe('Webhooks');
  });
});
