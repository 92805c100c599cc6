import { describe, expect, it } from 'vitest';
import { callAs } from '../integration/support/app-host';
import { admin, byTestId, clearDemo, expectAccessible, fieldNamed, lead, member } from './support/project-page';
import { projectPageSuite } from './support/project-page-suite';

const { sandbox: current, open } = projectPageSuite();

const id = (name: string) => fieldNamed(name).id;
const HOUR = 3_600_000;

describe('the project page for a member without Administer Projects, in headless Chromium', () => {
  it('shows the values read-only, says why and who can change them, and offers no control to edit', async () => {
    await clearDemo(current());
    const values = {
      Status: 'At risk',
      'Start date': '2026-03-02',
      'Estimated time': 12 * 8 * HOUR,
      Stakeholders: [admin, lead],
      'Related projects': ['10001'],
    };
    expect(await callAs(current().host, lead, 'values/update', { projectId: '10000', values })).not.toHaveProperty('error');
    const { ui, frame } = await open(member);

    expect(await byTestId(ui, 'read-only-reason').innerText()).toContain(
      'Only Jira administrators and people with the Administer Projects permission on Demo project can change its fields. Ask the project lead, Pat Lead, or a Jira administrator.',
    );
    expect(await byTestId(ui, 'edit-lozenge').textContent()).toBe('Read only');
    const shown = async (name: string) => (await byTestId(ui, `read-only-value-${id(name)}`).innerText()).replace(/\s+/g, ' ').trim();
    expect(await shown('Status')).toBe('At risk');
    expect(await shown('Start date')).toBe('2 Mar 2026');
    expect(await shown('Estimated time')).toBe('2w 2d');
    // Each person and project beside an avatar of their initials.
    expect(await shown('Stakeholders')).toBe('AA Alana Admin PL Pat Lead');
    expect(await shown('Related projects')).toBe('ML Marketing launch (MKT)');
    expect(await shown('Code name')).toBe('Not set');
    expect(await byTestId(ui, 'jira-lead').innerText()).toContain('Pat Lead');

    expect(await frame.locator('[id^="field-"][id$="-input"], input, textarea, [data-testid="save-button"]').count()).toBe(0);
    await expectAccessible(frame, 'read-only');

    // The page only reflects what the resolver enforces.
    expect(await callAs(current().host, member, 'values/update', { projectId: '10000', values: { Status: 'Done' } })).toEqual({
      error: { code: 'FORBIDDEN', message: "Only Jira administrators and this project's administrators can change its fields" },
    });
  });
});
