import type { Frame, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_USERS } from '../../../local/services/jira';
import { callAs } from '../../integration/support/app-host';
import { testCatalogue } from '../../support/catalogue';
import { appFrame, seriousA11yViolations, watchConsoleErrors } from './page-checks';
import type { BrowserSandbox } from './sandbox';

export const lead = DEMO_USERS.projectAdmin.accountId;
export const member = DEMO_USERS.member.accountId;
export const admin = DEMO_USERS.admin.accountId;

/** The catalogue the tests edit: the predefined fields and the test fields (ids 1011–1016), by name. */
export function fieldNamed(name: string) {
  const field = testCatalogue().find((f) => f.name === name);
  if (!field) throw new Error(`no field "${name}" in the test catalogue`);
  return field;
}
export const optionOf = (fieldName: string, optionName: string): number => {
  const option = fieldNamed(fieldName).options?.find((o) => o.name === optionName);
  if (!option) throw new Error(`no option "${optionName}" in ${fieldName}`);
  return option.id;
};

/** Clears every field of DEMO, so a test starts from nothing it did not set itself. */
export async function clearDemo(sandbox: BrowserSandbox): Promise<void> {
  const values = Object.fromEntries(testCatalogue().map((field) => [String(field.id), null]));
  const answer = await callAs(sandbox.host, lead, 'values/update', { projectId: '10000', values });
  expect(answer).not.toHaveProperty('error');
}

export interface OpenedPage {
  page: Page;
  frame: Frame;
  ui: FrameLocator;
  consoleErrors: () => string[];
}

/** Opens DEMO's project page as a user, waits until its fields (or read-only values) are shown. */
export async function openProjectPage(sandbox: BrowserSandbox, accountId: string): Promise<OpenedPage> {
  const { page, frame: ui } = await sandbox.openAs(accountId, '/project/DEMO');
  const consoleErrors = watchConsoleErrors(page);
  await ui.locator('[data-testid="jira-attributes"]').waitFor({ timeout: 30_000 });
  return { page, frame: await appFrame(page), ui, consoleErrors };
}

export const byTestId = (ui: FrameLocator, testId: string) => ui.locator(`[data-testid="${testId}"]`);
export const input = (ui: FrameLocator, fieldName: string) => ui.locator(`#field-${fieldNamed(fieldName).id}-input`);

/** axe-core finds no serious or critical violation in the page as it is now. */
export async function expectAccessible(frame: Frame, state: string): Promise<void> {
  expect({ state, violations: await seriousA11yViolations(frame) }).toEqual({ state, violations: [] });
}

/** Chooses an option of a select (or a search result of a picker) by typing and clicking it, as a mouse user does. */
export async function choose(ui: FrameLocator, fieldName: string, typed: string, option: string): Promise<void> {
  await input(ui, fieldName).click();
  await input(ui, fieldName).fill(typed);
  await ui.getByRole('option', { name: option, exact: true }).click({ timeout: 20_000 });
}
