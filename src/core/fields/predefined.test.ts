import { describe, expect, it } from 'vitest';
import { isReservedName } from '../../contract/fields';
import { isJiraAttribute, JIRA_ATTRIBUTE_MAX_ID, JIRA_ATTRIBUTES } from './jira-attributes';
import { FIRST_FREE_FIELD_ID, FIRST_FREE_OPTION_ID, PREDEFINED_FIELDS } from './predefined';

const options = (firstId: number, names: string[]) => names.map((name, i) => ({ id: firstId + i, name, disabled: false }));

describe("Projectrak's predefined fields", () => {
  it('are the ten fields Projectrak creates on install, with their options', () => {
    expect(PREDEFINED_FIELDS).toEqual([
      { id: 1001, name: 'Status', type: 'status', options: options(1, ['On track', 'At risk', 'Off track', 'On hold', 'Done']) },
      { id: 1002, name: 'Priority', type: 'priority', options: options(6, ['Highest', 'High', 'Medium', 'Low', 'Lowest']) },
      { id: 1003, name: 'Start date', type: 'date' },
      { id: 1004, name: 'End date', type: 'date' },
      { id: 1005, name: 'Estimated time', type: 'duration' },
      { id: 1006, name: 'What are we doing?', type: 'textarea' },
      { id: 1007, name: 'Why are we doing it?', type: 'textarea' },
      { id: 1008, name: 'What will success look like?', type: 'textarea' },
      { id: 1009, name: 'Related projects', type: 'multiproject' },
      { id: 1010, name: 'Stakeholders', type: 'multiuser' },
    ]);
  });

  it('leave the next field and option ids free', () => {
    expect(FIRST_FREE_FIELD_ID).toBe(Math.max(...PREDEFINED_FIELDS.map((f) => f.id)) + 1);
    expect(FIRST_FREE_OPTION_ID).toBe(Math.max(...PREDEFINED_FIELDS.flatMap((f) => (f.options ?? []).map((o) => o.id))) + 1);
  });

  it('have names distinct from each other, from Jira attributes and from reserved names', () => {
    const names = [...PREDEFINED_FIELDS, ...Object.values(JIRA_ATTRIBUTES)].map((f) => f.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter(isReservedName)).toEqual([]);
  });
});

describe('Jira project attributes', () => {
  it('take the ids up to 999, below every Projectrak field', () => {
    expect(JIRA_ATTRIBUTE_MAX_ID).toBe(999);
    expect([1, 6, 999, 1000, 1001].map(isJiraAttribute)).toEqual([true, true, true, false, false]);
    expect(Object.values(JIRA_ATTRIBUTES).every((a) => isJiraAttribute(a.id))).toBe(true);
    expect(PREDEFINED_FIELDS.some((f) => isJiraAttribute(f.id))).toBe(false);
  });
});
