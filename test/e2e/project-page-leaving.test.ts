import { describe, expect, it } from 'vitest';
import { focused } from './support/page-checks';
import { byTestId, clearDemo, expectAccessible, input } from './support/project-page';
import { projectPageSuite } from './support/project-page-suite';

const { sandbox: current, open } = projectPageSuite();

describe('leaving unsaved changes on the project page, in headless Chromium', () => {
  it('Discard asks in a dialog: Escape keeps the changes and focus on Discard; confirming restores the values, focus on Save', async () => {
    await clearDemo(current());
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
    await clearDemo(current());
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
