import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addTestFields, callAs, changeEvents } from '../integration/support/app-host';
import { focused } from './support/page-checks';
import type { OpenedPage } from './support/project-page';
import { admin, byTestId, choose, clearDemo, expectAccessible, fieldNamed, input, lead, openProjectPage, optionOf } from './support/project-page';
import { startBrowserSandbox } from './support/sandbox';
import type { BrowserSandbox } from './support/sandbox';

let sandbox: BrowserSandbox;
let opened: OpenedPage[] = [];

beforeAll(async () => {
  sandbox = await startBrowserSandbox();
  await addTestFields(sandbox.host);
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(async () => {
  const errors = opened.flatMap((page) => page.consoleErrors());
  for (const page of opened) await page.page.context().close();
  opened = [];
  expect(errors).toEqual([]);
});

async function open(accountId = lead): Promise<OpenedPage> {
  const page = await openProjectPage(sandbox, accountId);
  opened.push(page);
  return page;
}

const id = (name: string) => String(fieldNamed(name).id);
const HOUR = 3_600_000;
const story = 'Moving *billing* to the new platform\n- phase 1: invoices\n- phase 2: refunds';

describe('the project page, as the project lead edits it, in headless Chromium', () => {
  it('edits a field of each kind, saves, and the values are stored with one change event naming the lead', async () => {
    await clearDemo(sandbox);
    const { frame, ui, page } = await open();
    await expectAccessible(frame, 'loaded for editing');

    await input(ui, 'Code name').fill('Ledger');
    await input(ui, 'Budget').fill('120000.5');
    await choose(ui, 'Status', 'at', 'At risk');
    await choose(ui, 'Priority', 'hi', 'High');
    await choose(ui, 'Phase', 'bu', 'Build');
    await choose(ui, 'Tags', 're', 'Red');
    await choose(ui, 'Tags', 'gr', 'Green');
    // A tag's remove button takes it off and leaves focus in its select.
    await ui.getByRole('button', { name: 'Remove Green' }).click();
    expect((await focused(frame)).id).toBe(`field-${id('Tags')}-input`);
    expect(await ui.getByRole('button', { name: 'Remove Green' }).count()).toBe(0);
    await choose(ui, 'Tags', 'gr', 'Green');
    await input(ui, 'Start date').fill('2026-03-02');
    await page.keyboard.press('Enter');
    await input(ui, 'Estimated time').fill('2w 5d 3h');
    expect(await byTestId(ui, `field-reads-${id('Estimated time')}`).textContent()).toBe('Reads as 3w 3h');
    await input(ui, 'What are we doing?').fill(story);
    await choose(ui, 'Sponsor', 'alana', 'Alana Admin');
    await choose(ui, 'Parent project', 'ope', 'Operations (OPS)');
    await choose(ui, 'Related projects', 'mark', 'Marketing launch (MKT)');
    await input(ui, 'Stakeholders').fill('pat');
    await ui.getByRole('option', { name: 'Pat Lead', exact: true }).waitFor({ timeout: 20_000 });
    await expectAccessible(frame, 'a picker open with search results');
    await ui.getByRole('option', { name: 'Pat Lead', exact: true }).click();
    expect(await byTestId(ui, 'save-result').textContent()).toBe('13 unsaved changes');

    const before = (await changeEvents(sandbox.host)).length;
    await byTestId(ui, 'save-button').click();
    await expect.poll(() => byTestId(ui, 'save-result').textContent(), { timeout: 20_000 }).toBe('Saved 13 fields');
    await byTestId(ui, 'saved-flag').waitFor({ timeout: 20_000 });
    await expectAccessible(frame, 'saved, with its flag');
    expect((await focused(frame)).testId).toBe('save-button');

    const stored = (await callAs(sandbox.host, lead, 'values/get', { projectId: '10000' })).values as Record<string, unknown>;
    expect(stored).toEqual({
      [id('Code name')]: 'Ledger',
      [id('Budget')]: 120000.5,
      [id('Status')]: optionOf('Status', 'At risk'),
      [id('Priority')]: optionOf('Priority', 'High'),
      [id('Phase')]: optionOf('Phase', 'Build'),
      [id('Tags')]: [optionOf('Tags', 'Red'), optionOf('Tags', 'Green')],
      [id('Start date')]: '2026-03-02',
      [id('Estimated time')]: 3 * 5 * 8 * HOUR + 3 * HOUR,
      [id('What are we doing?')]: story,
      [id('Sponsor')]: sandbox.host.jira.users().find((u) => u.displayName === 'Alana Admin')!.accountId,
      [id('Parent project')]: '10002',
      [id('Related projects')]: ['10001'],
      [id('Stakeholders')]: [lead],
    });
    await sandbox.host.idle();
    const events = (await changeEvents(sandbox.host)).slice(before);
    expect(events.map((e) => ({ user: e.event.user, source: e.event.source, fields: e.event.changes.map((c) => c.field.id).sort() }))).toEqual([
      { user: lead, source: 'project-page', fields: Object.keys(stored).map(Number).sort() },
    ]);

    // What was saved is what the page shows after a reload, durations as typed.
    await page.reload();
    await expect.poll(() => input(ui, 'Estimated time').inputValue(), { timeout: 20_000 }).toBe('3w 3h');
    expect(await input(ui, 'What are we doing?').inputValue()).toBe(story);
    expect(await byTestId(ui, `field-input-${id('Stakeholders')}`).textContent()).toContain('Pat Lead');
    expect(await byTestId(ui, `field-input-${id('Status')}`).textContent()).toContain('At risk');

    // Saving again with nothing touched sends nothing and makes no event.
    await byTestId(ui, 'save-button').click();
    await expect.poll(() => byTestId(ui, 'save-result').textContent()).toBe('Nothing changed');
    await sandbox.host.idle();
    expect((await changeEvents(sandbox.host)).length).toBe(before + 1);
  });

  it('a refused save lists what is wrong by the Save button and moves focus to the first bad field; nothing is stored', async () => {
    await clearDemo(sandbox);
    const { frame, ui } = await open();
    await input(ui, 'Code name').fill('x'.repeat(256));
    await input(ui, 'Estimated time').fill('soon');
    expect(await byTestId(ui, `field-counter-${id('Code name')}`).textContent()).toContain('1 character too many');
    await byTestId(ui, 'save-button').click();

    // Estimated time comes first on the page (Schedule), Code name later (Details).
    await expect.poll(() => focused(frame), { timeout: 20_000 }).toMatchObject({ id: `field-${id('Estimated time')}-input` });
    expect(await byTestId(ui, 'error-summary').innerText()).toContain('Could not save: 2 fields need attention');
    expect(await byTestId(ui, `field-error-${id('Code name')}`).textContent()).toBe(
      '1 character over the limit of 255: shorten the text to save it.',
    );
    expect(await byTestId(ui, `field-error-${id('Estimated time')}`).textContent()).toContain('"soon" is not a duration');
    expect(await input(ui, 'Estimated time').getAttribute('aria-describedby')).toContain(`field-${id('Estimated time')}-error`);
    await expectAccessible(frame, 'a refused save, with its summary');

    // Each entry of the summary takes focus to its field; the text was not cut.
    await byTestId(ui, `error-summary-${id('Code name')}`).click();
    expect((await focused(frame)).id).toBe(`field-${id('Code name')}-input`);
    expect((await input(ui, 'Code name').inputValue()).length).toBe(256);
    expect((await callAs(sandbox.host, lead, 'values/get', { projectId: '10000' })).values).toEqual({});
  });

  it('a value the app refuses on saving (an option disabled meanwhile) is named under its field, and focus goes there', async () => {
    await clearDemo(sandbox);
    const { frame, ui } = await open();
    await choose(ui, 'Status', 'do', 'Done');
    const status = fieldNamed('Status');
    const disabled = status.options!.map((option) => ({ ...option, disabled: option.name === 'Done' }));
    expect(await callAs(sandbox.host, admin, 'fields/update', { id: status.id, options: disabled })).not.toHaveProperty('error');
    try {
      await byTestId(ui, 'save-button').click();
      await expect.poll(() => focused(frame), { timeout: 20_000 }).toMatchObject({ id: `field-${status.id}-input` });
      expect(await byTestId(ui, `field-error-${status.id}`).textContent()).toBe('Option "Done" is disabled');
      expect(await byTestId(ui, 'error-summary').innerText()).toContain('Could not save: one field needs attention');
      await expectAccessible(frame, 'refused by the app');
      expect((await callAs(sandbox.host, lead, 'values/get', { projectId: '10000' })).values).toEqual({});
    } finally {
      await callAs(sandbox.host, admin, 'fields/update', { id: status.id, options: status.options });
    }
  });

  it('Discard asks in a dialog: Escape keeps the changes and focus on Discard; confirming restores the values, focus on Save', async () => {
    await clearDemo(sandbox);
    const { frame, ui, page } = await open();
    await input(ui, 'Code name').fill('Ledger');
    await byTestId(ui, 'discard-button').click();
    await byTestId(ui, 'discard-dialog').waitFor({ timeout: 20_000 });
    await expectAccessible(frame, 'the discard dialog open');
    await page.keyboard.press('Escape');
    await expect.poll(() => byTestId(ui, 'discard-dialog').count()).toBe(0);
    await expect.poll(() => focused(frame)).toMatchObject({ testId: 'discard-button' });
    expect(await input(ui, 'Code name').inputValue()).toBe('Ledger');

    await page.keyboard.press('Enter');
    await byTestId(ui, 'discard-confirm').click({ timeout: 20_000 });
    await expect.poll(() => focused(frame)).toMatchObject({ testId: 'save-button' });
    expect(await input(ui, 'Code name').inputValue()).toBe('');
    expect(await byTestId(ui, 'save-result').textContent()).toBe('No unsaved changes');
  });

  it('leaving with unsaved changes asks first; once saved, the page lets go without asking', async () => {
    await clearDemo(sandbox);
    const { ui, page } = await open();
    await input(ui, 'Code name').fill('Ledger');
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.click('header a[href="/admin"]');
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(new URL(page.url()).pathname).toBe('/project/DEMO');

    await byTestId(ui, 'save-button').click();
    await expect.poll(() => byTestId(ui, 'save-result').textContent(), { timeout: 20_000 }).toBe('Saved 1 field');
    await page.click('header a[href="/admin"]');
    await page.waitForURL('**/admin');
    expect(asked).toEqual(['beforeunload']);
  });
});
