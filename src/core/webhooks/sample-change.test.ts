import { describe, expect, it } from 'vitest';
import { changeEvent } from '../changes/change-event';
import { sampleChange } from './sample-change';

const project = { id: '10000', key: 'DEMO', name: 'Demo' };

describe('sampleChange', () => {
  it('moves a status, an end date and adds the sender as a stakeholder on the given project', () => {
    expect(sampleChange(project, 'user-1', 1_765_000_000_000)).toEqual({
      id: `test-${(1_765_000_000_000).toString(36)}`,
      project,
      user: 'user-1',
      at: 1_765_000_000_000,
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
        { field: { id: 1010, name: 'Stakeholders', type: 'multiuser' }, previous: [], current: ['user-1'] },
      ],
    });
  });

  it('names each test event by its time, in base 36', () => {
    expect([sampleChange(project, 'u', 35).id, sampleChange(project, 'u', 36).id]).toEqual(['test-z', 'test-10']);
  });

  it('is a change event as the consumer parses it', () => {
    const sample = sampleChange(project, 'user-1', 1000);
    expect(changeEvent.parse(sample)).toEqual(sample);
  });
});
