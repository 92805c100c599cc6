import { describe, expect, it } from 'vitest';
import { callAs, changeEvents } from '../integration/support/app-host';
import { focused } from './support/page-checks';
import { byTestId, choose, clearDemo, expectAccessible, fieldNamed, input, lead, optionOf } from './support/project-page';
import { projectPageSuite } from './support/project-page-suite';

const { sandbox: current, open } = projectPageSuite();

const id = (name: string) => String(fieldNamed(name).id);
const HOUR = 3_600_000;
const story = 'Moving *billing* to the new platform\n- phase 1: invoices\n- phase 2: refunds';

describe('the project page, as the project lead edits it, in headless Chromium', () => {
  it('edits a field of each kind, saves, and the values are stored with one change event naming the lead', async () => {
    await clearDemo(current());
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

    const before = (await changeEvents(current().host)).length;
    await byTestId(ui, 'save-button').click();
    await expect.poll(() => byTestId(ui, 'save-result').textContent(), { timeout: 20_000 }).toBe('Saved 13 fields');
    await byTestId(ui, 'saved-flag').waitFor({ timeout: 20_000 });
    await expectAccessible(frame, 'saved, with its flag');
    expect((await focused(frame)).testId).toBe('save-button');

    const stored = (await callAs(current().host, lead, 'values/get', { projectId: '10000' })).values as Record<string, unknown>;
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
      [id('Sponsor')]: current()
        .host.jira.users()
        .find((u) => u.displayName === 'Alana Admin')!.accountId,
      [id('Parent project')]: '10002',
      [id('Related projects')]: ['10001'],
      [id('Stakeholders')]: [lead],
    });
    await current().host.idle();
    const events = (await changeEvents(current().host)).slice(before);
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
    await current().host.idle();
    expect((await changeEvents(current().host)).length).toBe(before + 1);
  });
});
