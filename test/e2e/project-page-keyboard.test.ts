import { describe, expect, it } from 'vitest';
import { callAs } from '../integration/support/app-host';
import { focused, tabTo } from './support/page-checks';
import { byTestId, clearDemo, expectAccessible, fieldNamed, lead, member, optionOf } from './support/project-page';
import { projectPageSuite } from './support/project-page-suite';

const { sandbox: current, open } = projectPageSuite();

const inputIdOf = (name: string) => `field-${fieldNamed(name).id}-input`;
const HOUR = 3_600_000;

describe('the project page by keyboard alone, in headless Chromium', () => {
  it('fills and saves the page without the mouse, a multi-user field included; focus stays where the user is', async () => {
    await clearDemo(current());
    const { page, frame, ui } = await open(lead);
    const key = (name: string) => page.keyboard.press(name);
    const type = (text: string) => page.keyboard.type(text);
    const waitForOption = (name: string) => ui.getByRole('option', { name, exact: true }).waitFor({ timeout: 20_000 });

    // From the top of the window into the page, field by field, with Tab.
    await tabTo(page, frame, { id: inputIdOf('Status') });
    await type('off');
    await waitForOption('Off track');
    await key('Enter');
    // Arrow down opens the menu, Escape closes it, and focus stays in the select.
    await key('ArrowDown');
    await ui.getByRole('listbox').waitFor({ timeout: 20_000 });
    await key('Escape');
    await expect.poll(() => ui.getByRole('listbox').count()).toBe(0);
    expect((await focused(frame)).id).toBe(inputIdOf('Status'));

    await tabTo(page, frame, { id: inputIdOf('Tags') });
    await type('gr');
    await waitForOption('Green');
    await key('Enter');

    await tabTo(page, frame, { id: inputIdOf('Start date') });
    await type('2026-04-01');
    await key('Enter');

    await tabTo(page, frame, { id: inputIdOf('Estimated time') });
    await type('1w 2d');

    // A multi-user field: search, pick with Enter, twice, then Backspace takes the last one off again.
    await tabTo(page, frame, { id: inputIdOf('Stakeholders') });
    for (const [typed, name] of [
      ['pat', 'Pat Lead'],
      ['nico', 'Nico Member'],
      ['alana', 'Alana Admin'],
    ] as const) {
      await type(typed);
      await waitForOption(name);
      await key('Enter');
    }
    await key('Backspace');
    expect((await focused(frame)).id).toBe(inputIdOf('Stakeholders'));
    await expectAccessible(frame, 'filled by keyboard');

    await tabTo(page, frame, { id: inputIdOf('Code name') });
    await type('Keys only');

    await tabTo(page, frame, { testId: 'save-button' });
    await key('Enter');
    await expect.poll(() => byTestId(ui, 'save-result').textContent(), { timeout: 20_000 }).toBe('Saved 6 fields');
    expect((await focused(frame)).testId).toBe('save-button');

    const values = (await callAs(current().host, lead, 'values/get', { projectId: '10000' })).values;
    expect(values).toEqual({
      [fieldNamed('Status').id]: optionOf('Status', 'Off track'),
      [fieldNamed('Tags').id]: [optionOf('Tags', 'Green')],
      [fieldNamed('Start date').id]: '2026-04-01',
      [fieldNamed('Estimated time').id]: 7 * 8 * HOUR,
      [fieldNamed('Stakeholders').id]: [lead, member],
      [fieldNamed('Code name').id]: 'Keys only',
    });
  });
});
