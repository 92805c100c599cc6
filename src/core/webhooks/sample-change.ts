import type { ChangeEvent } from '../changes/change-event';

/**
 * The change a test event carries: realistic (a status and a date moved, a stakeholder added) on the site's first
 * project, so a receiver's parsing is tried on the real shape. `data.test` is true on test events only.
 */
export function sampleChange(project: ChangeEvent['project'], user: string, at: number): ChangeEvent {
  return {
    id: `test-${at.toString(36)}`,
    project,
    user,
    at,
    sequence: 1,
    source: 'project-page',
    changes: [
      {
        field: {
          id: 1001,
          name: 'Status',
          type: 'status',
          options: [
            { id: 1, name: 'On track' },
            { id: 2, name: 'At risk' },
          ],
        },
        previous: 1,
        current: 2,
      },
      { field: { id: 1004, name: 'End date', type: 'date' }, previous: '2026-12-18', current: '2027-01-15' },
      { field: { id: 1010, name: 'Stakeholders', type: 'multiuser' }, previous: [], current: [user] },
    ],
  };
}
