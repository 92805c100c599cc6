import { describe, expect, it } from 'vitest';
import { callAs } from '../integration/support/app-host';
import { focused } from './support/page-checks';
import { admin, byTestId, choose, clearDemo, expectAccessible, fieldNamed, input, lead } from './support/project-page';
import { projectPageSuite } from './support/project-page-suite';

const { sandbox: current, open } = projectPageSuite();
const id = (name: string) => String(fieldNamed(name).id);

describe('a refused save on the project page, in headless Chromium', () => {
  it('a refused save lists what is wrong by the Save button and moves focus to the first bad field; nothing is stored', async () => {
    await clearDemo(current());
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
    expect((await callAs(current().host, lead, 'values/get', { projectId: '10000' })).values).toEqual({});
  });

  it('a value the app refuses on saving (an option disabled meanwhile) is named under its field, and focus goes there', async () => {
    await clearDemo(current());
    const { frame, ui } = await open();
    await choose(ui, 'Status', 'do', 'Done');
    const status = fieldNamed('Status');
    const disabled = status.options!.map((option) => ({ ...option, disabled: option.name === 'Done' }));
    expect(await callAs(current().host, admin, 'fields/update', { id: status.id, options: disabled })).not.toHaveProperty('error');
    try {
      await byTestId(ui, 'save-button').click();
      await expect.poll(() => focused(frame), { timeout: 20_000 }).toMatchObject({ id: `field-${status.id}-input` });
      expect(await byTestId(ui, `field-error-${status.id}`).textContent()).toBe('Option "Done" is disabled');
      expect(await byTestId(ui, 'error-summary').innerText()).toContain('Could not save: one field needs attention');
      await expectAccessible(frame, 'refused by the app');
      expect((await callAs(current().host, lead, 'values/get', { projectId: '10000' })).values).toEqual({});
    } finally {
      await callAs(current().host, admin, 'fields/update', { id: status.id, options: status.options });
    }
  });
});
