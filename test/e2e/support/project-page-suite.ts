import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { addTestFields } from '../../integration/support/app-host';
import { lead, openProjectPage, type OpenedPage } from './project-page';
import { startBrowserSandbox, type BrowserSandbox } from './sandbox';

export interface ProjectPageSuite {
  sandbox: () => BrowserSandbox;
  /** Opens DEMO's project page as a user (the lead by default); its console is checked after the test. */
  open: (accountId?: string) => Promise<OpenedPage>;
}

/**
 * A test file's sandbox with the test fields added (one of each type), and after each test: the pages it opened are
 * closed, and none of them may have logged an error.
 */
export function projectPageSuite(): ProjectPageSuite {
  let sandbox: BrowserSandbox | undefined;
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
  const current = () => {
    if (!sandbox) throw new Error('the sandbox is not started');
    return sandbox;
  };
  return {
    sandbox: current,
    open: async (accountId = lead) => {
      const page = await openProjectPage(current(), accountId);
      opened.push(page);
      return page;
    },
  };
}
