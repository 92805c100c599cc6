/**
 * Distinct invalid values, each with the field it names and the code it must be refused with.
 * Shared by the unit tests of the rules and the tests through the local host (resolver and REST API).
 */
export const ADMIN_ID = '5f8a1c2e9b3d4a0012e4c7a1';

export const INVALID_VALUES: { field: string; value: unknown; code: string; names: string }[] = [
  { field: 'Budget', value: '23', code: 'INVALID_NUMBER', names: 'Budget' },
  { field: 'Budget', value: true, code: 'INVALID_NUMBER', names: 'Budget' },
  { field: 'Budget', value: [1], code: 'INVALID_NUMBER', names: 'Budget' },
  { field: 'Budget', value: { amount: 1 }, code: 'INVALID_NUMBER', names: 'Budget' },
  { field: 'Start date', value: '2026-02-30', code: 'INVALID_DATE', names: 'Start date' },
  { field: 'Start date', value: '2026-13-01', code: 'INVALID_DATE', names: 'Start date' },
  { field: 'Start date', value: '30/11/2026', code: 'INVALID_DATE', names: 'Start date' },
  { field: 'Start date', value: 20261130, code: 'INVALID_DATE', names: 'Start date' },
  { field: '1004', value: '2026-11-30T10:00:00Z', code: 'INVALID_DATE', names: 'End date' },
  { field: 'Estimated time', value: -1, code: 'INVALID_DURATION', names: 'Estimated time' },
  { field: 'Estimated time', value: 1.5, code: 'INVALID_DURATION', names: 'Estimated time' },
  { field: 'Estimated time', value: '2w', code: 'INVALID_DURATION', names: 'Estimated time' },
  { field: 'Code name', value: 'x'.repeat(256), code: 'INVALID_TEXT', names: 'Code name' },
  { field: 'Code name', value: 'two\nlines', code: 'INVALID_TEXT', names: 'Code name' },
  { field: 'Code name', value: 42, code: 'INVALID_TEXT', names: 'Code name' },
  { field: 'What are we doing?', value: 'x'.repeat(32 * 1024 + 1), code: 'INVALID_TEXT', names: 'What are we doing?' },
  { field: 'What are we doing?', value: ['a'], code: 'INVALID_TEXT', names: 'What are we doing?' },
  { field: 'Status', value: 'Finished', code: 'UNKNOWN_OPTION', names: 'Status' },
  { field: 'Status', value: 999, code: 'UNKNOWN_OPTION', names: 'Status' },
  { field: 'Phase', value: 'Launch', code: 'DISABLED_OPTION', names: 'Phase' },
  { field: 'Priority', value: true, code: 'INVALID_OPTION', names: 'Priority' },
  { field: 'Tags', value: 'Red', code: 'NOT_A_LIST', names: 'Tags' },
  { field: 'Tags', value: ['Red', 'Purple'], code: 'UNKNOWN_OPTION', names: 'Tags' },
  { field: 'Stakeholders', value: ['0123456789abcdef01234567'], code: 'UNKNOWN_USER', names: 'Stakeholders' },
  { field: 'Stakeholders', value: ADMIN_ID, code: 'NOT_A_LIST', names: 'Stakeholders' },
  { field: 'Sponsor', value: 'ghost', code: 'UNKNOWN_USER', names: 'Sponsor' },
  { field: 'Sponsor', value: 12, code: 'INVALID_USER', names: 'Sponsor' },
  { field: 'Related projects', value: ['99999'], code: 'UNKNOWN_PROJECT', names: 'Related projects' },
  { field: 'Related projects', value: ['DEMO'], code: 'INVALID_PROJECT', names: 'Related projects' },
  { field: 'Parent project', value: 'abc', code: 'INVALID_PROJECT', names: 'Parent project' },
  { field: 'Parent project', value: 99999, code: 'UNKNOWN_PROJECT', names: 'Parent project' },
  { field: 'Budgett', value: 1, code: 'UNKNOWN_FIELD', names: 'Budgett' },
  { field: '9999', value: 1, code: 'UNKNOWN_FIELD', names: '9999' },
  { field: 'Project name', value: 'Renamed', code: 'READ_ONLY_FIELD', names: 'Project name' },
  { field: '2', value: 'NEWKEY', code: 'READ_ONLY_FIELD', names: 'Project key' },
];

/** Known to the checks that need Jira: the demo site's users and projects. */
export const KNOWN_USERS = new Set([ADMIN_ID, '60b7e3d41f2c9a006f1b8d25', '61c9f0a27e4b3d0069a2e5f8']);
export const KNOWN_PROJECTS = new Set(['10000', '10001', '10002', '10003']);
