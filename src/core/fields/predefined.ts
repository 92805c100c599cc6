import type { FieldDefinition } from '../../contract/fields';

const options = (firstId: number, names: string[]) => names.map((name, i) => ({ id: firstId + i, name, disabled: false }));

/** Projectrak's predefined fields, created on install (ids from 1001; Jira's own attributes use 1–6). */
export const PREDEFINED_FIELDS: FieldDefinition[] = [
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
];

export const FIRST_FREE_FIELD_ID = 1011;
export const FIRST_FREE_OPTION_ID = 11;
