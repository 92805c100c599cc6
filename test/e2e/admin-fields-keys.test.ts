import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../local/services/jira';
import type { AppPage } from './support/admin-page';
import { expectAccessible, expectFocusOn, invokeFromPage, openPage } from './support/admin-page';
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
const member = DEMO_USERS.member.accountId;

async function open(accountId: string, path: string): Promise<AppPage> {
  const app = await openPage(sandbox, accountId, path);
  opened.push(app);
  return app;
}

const adminCall = (key: string, payload: unknown) =>
  sandbox.host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, key, payload);

/** Picks an option of an Atlaskit select by typing its label and pressing Enter, as a keyboard user would. */
async function choose(app: AppPage, inputId: string, label: string): Promise<void> {
  const input = app.frame.locator(`#${inputId}`);
  await input.focus();
  await input.fill(label);
  await app.page.keyboard.press('Enter');
}

/** Creates a list field through the page's form; answers its id. */
async function createListField(app: AppPage, name: string, options: string[]): Promise<number> {
  await app.byTestId('field-create').click();
  await app.byTestId('field-name').fill(name);
  await choose(app, 'field-type', 'List (one choice)');
  await expect.poll(() => app.frame.locator('#field-type-help').textContent()).toContain('plain list');
  await app.byTestId('field-options').fill(options.join('\n'));
  await expectAccessible(app, 'create field dialog, a list chosen');
  await app.byTestId('field-form-save').click();
  const row = app.frame.locator('[data-testid^="field-row-"]', { hasText: name });
  await row.waitFor({ timeout: 20_000 });
  return Number((await row.getAttribute('data-testid'))!.slice('field-row-'.length));
}

const optionsOf = async (id: number) => {
  const { fields } = (await adminCall('fields/list', {})) as {
    fields: { id: number; name: string; options?: { name: string; disabled: boolean }[] }[];
  };
  return fields.find((f) => f.id === id);
};

describe('the Fields subpage', () => {
  it('the admin creates a list field, edits its options (rename, disable, reorder, add) and renames the field', async () => {
    const app = await open(admin, '/admin/fields');
    await app.byTestId('fields-table--table').waitFor({ timeout: 20_000 });
    await expectAccessible(app, 'the field catalogue');
    const name = `Risk ${randomUUID().slice(0, 6)}`;
    const id = await createListField(app, name, ['Low', 'Medium', 'High']);

    await app.byTestId(`field-options-${id}`).click();
    await app.byTestId('option-name-1').fill('Moderate');
    await app.byTestId('option-disabled-2--hidden-checkbox').check();
    await app.byTestId('option-up-2').click();
    await app.byTestId('option-new-name').fill('Critical');
    await app.page.keyboard.press('Enter');
    await expectAccessible(app, 'options dialog');
    await app.byTestId('options-form-save').click();
    await expect.poll(() => app.byTestId(`field-row-${id}`).textContent(), { timeout: 20_000 }).toContain('High (disabled)');
    await expectFocusOn(app, `field-options-${id}`);
    expect((await optionsOf(id))?.options).toEqual([
      { id: expect.any(Number) as unknown, name: 'Low', disabled: false },
      { id: expect.any(Number) as unknown, name: 'High', disabled: true },
      { id: expect.any(Number) as unknown, name: 'Moderate', disabled: false },
      { id: expect.any(Number) as unknown, name: 'Critical', disabled: false },
    ]);

    await app.byTestId(`field-edit-${id}`).click();
    await app.byTestId('field-name').fill(`${name} rating`);
    await app.byTestId('field-description').fill('How likely the project is to slip');
    await app.byTestId('field-form-save').click();
    await expect.poll(() => app.byTestId(`field-name-${id}`).textContent(), { timeout: 20_000 }).toBe(`${name} rating`);
    expect(await optionsOf(id)).toMatchObject({ name: `${name} rating`, description: 'How likely the project is to slip' });
  });

  it('refuses a name another field has, under the name field, once', async () => {
    const app = await open(admin, '/admin/fields');
    await app.byTestId('field-create').click();
    await app.byTestId('field-name').fill('status');
    await app.byTestId('field-form-save').click();
    await expect.poll(() => app.byTestId('field-name-error').textContent(), { timeout: 20_000 }).toBe('A field named "Status" already exists.');
    expect(await app.byTestId('field-form-failure').count()).toBe(0);
    await expectAccessible(app, 'a refused field name');
  });

  it('archives a field (it leaves the project page), restores it, then deletes it after a confirmation that says what happens', async () => {
    const app = await open(admin, '/admin/fields');
    const id = await createListField(app, `Phase ${randomUUID().slice(0, 6)}`, ['Discovery', 'Build']);
    const demoFieldIds = async () =>
      (
        (await sandbox.host.ui.invoke({ moduleKey: 'projectrak-project', accountId: admin, extension: { project: { id: '10000' } } }, 'values/get', {
          projectId: '10000',
        })) as { fields: { id: number }[] }
      ).fields.map((f) => f.id);

    await app.byTestId(`field-archive-${id}`).click();
    expect(await app.byTestId('field-archive-dialog').textContent()).toContain('Every project keeps its value');
    await expectAccessible(app, 'archive field confirmation');
    await app.byTestId('field-archive-dialog-confirm').click();
    await expect.poll(() => app.byTestId(`field-row-${id}`).textContent(), { timeout: 20_000 }).toContain('Archived');
    expect(await demoFieldIds()).not.toContain(id);
    await expectAccessible(app, 'an archived field in the catalogue');

    await app.byTestId(`field-restore-${id}`).click();
    await expect.poll(() => app.byTestId(`field-row-${id}`).textContent(), { timeout: 20_000 }).toContain('Active');
    expect(await demoFieldIds()).toContain(id);

    await app.byTestId(`field-delete-${id}`).click();
    expect(await app.byTestId('field-delete-dialog').textContent()).toContain('never shown or sent again');
    await expectAccessible(app, 'delete field confirmation');
    await app.byTestId('field-delete-dialog-confirm').click();
    await expect.poll(() => app.byTestId(`field-row-${id}`).count(), { timeout: 20_000 }).toBe(0);
    expect(await optionsOf(id)).toBeUndefined();
    await expectFocusOn(app, 'field-create');
  });
});

describe('the API keys subpage', () => {
  it('generates a key shown once, refuses a second key of the same name, and revokes after a confirmation', async () => {
    const app = await open(admin, '/admin/api-keys');
    await app.byTestId('apikey-example').waitFor({ timeout: 20_000 });
    await expectAccessible(app, 'API keys page');
    const name = `Sync ${randomUUID().slice(0, 6)}`;
    await app.byTestId('apikey-create').click();
    await app.byTestId('apikey-name').fill(name);
    await app.byTestId('apikey-form-save').click();
    const secret = await app.byTestId('apikey-secret-value').inputValue({ timeout: 20_000 });
    expect(secret).toMatch(/^prk_[a-f0-9]{16}_/);
    await expectAccessible(app, 'a new key shown once');
    await app.byTestId('apikey-secret-done').click();
    await expectFocusOn(app, 'apikey-create');
    const row = app.frame.locator('[data-testid^="apikey-row-"]', { hasText: name });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);

    await app.byTestId('apikey-create').click();
    await app.byTestId('apikey-name').fill(name.toUpperCase());
    await app.byTestId('apikey-form-save').click();
    await expect
      .poll(() => app.byTestId('apikey-name-error').textContent(), { timeout: 20_000 })
      .toBe(`A key named "${name}" already exists; choose another name.`);
    expect(await app.byTestId('apikey-form-failure').count()).toBe(0);
    await expectAccessible(app, 'a key name refused');
    await app.byTestId('apikey-form-cancel').click();

    await app.page.reload();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await app.frame.locator('body').textContent()).not.toContain(secret);
    const keyId = (await row.getAttribute('data-testid'))!.slice('apikey-row-'.length);
    await app.byTestId(`apikey-revoke-${keyId}`).click();
    await expectAccessible(app, 'revoke confirmation');
    await app.byTestId('apikey-revoke-dialog-confirm').click();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    await expectFocusOn(app, 'apikey-create');
  });

  it('finds the account id a user field takes', async () => {
    const app = await open(admin, '/admin/api-keys');
    await app.byTestId('account-id-finder').waitFor({ timeout: 20_000 });
    await choose(app, 'account-id-user', 'Pat');
    await expect.poll(() => app.byTestId('account-id-value').inputValue(), { timeout: 20_000 }).toBe(DEMO_USERS.projectAdmin.accountId);
    await expectAccessible(app, 'an account id found');
  });
});

describe('someone who is not a Jira admin', () => {
  it('sees why the admin page is closed to them, and its functions refuse them even when called from the page', async () => {
    const app = await open(member, '/admin/webhooks');
    await expect.poll(() => app.byTestId('error-message').textContent(), { timeout: 20_000 }).toBe('Only Jira administrators can manage Projectrak.');
    expect(await app.byTestId('webhook-create').count()).toBe(0);
    await expectAccessible(app, 'no access');
    for (const [key, payload] of [
      ['webhooks/list', {}],
      ['webhooks/create', { name: 'Mine', url: 'https://receiver.sandbox.test/hooks/member' }],
      ['fields/update', { id: 1001, name: 'Mine' }],
      ['fields/delete', { id: 1003 }],
      ['apikeys/create', { name: 'Mine' }],
    ] as const)
      expect({ key, answer: await invokeFromPage(app, key, payload) }).toEqual({
        key,
        answer: { error: { code: 'FORBIDDEN', message: 'Only Jira administrators can manage Projectrak' } },
      });
    const { webhooks } = (await adminCall('webhooks/list', {})) as { webhooks: { name: string }[] };
    expect(webhooks.filter((w) => w.name === 'Mine')).toEqual([]);
  });
});
