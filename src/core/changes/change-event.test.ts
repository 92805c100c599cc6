import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../test/support/factories';
import type { FieldChange } from './change-event';
import { changeEvent, changeNotice, changeNotices, fieldChange, groupNotices, MAX_PROJECTS_PER_NOTICE } from './change-event';

const statusChange: FieldChange = {
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
};
const tagsChange: FieldChange = { field: { id: 1014, name: 'Tags', type: 'multilist', options: [] }, previous: [1, 2], current: null };

/** The paths zod names when it refuses a value, or [] when it accepts it. */
const refusedPaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('change event schema (what KVS keeps)', () => {
  it('reads back a stored event exactly, field snapshots and their options included', () => {
    const event = makeEvent([statusChange, tagsChange], { id: 'evt-2', project: { id: '10000', key: 'DEMO', name: 'Demo' }, sequence: 2 });
    expect(changeEvent.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(fieldChange.parse({ field: { id: 6, name: 'Project URL', type: 'text' }, previous: 'a', current: 'b' })).toEqual({
      field: { id: 6, name: 'Project URL', type: 'text' },
      previous: 'a',
      current: 'b',
    });
  });

  it('accepts each source and nothing else', () => {
    for (const source of ['project-page', 'rest-api', 'jira'] as const)
      expect(changeEvent.safeParse(makeEvent([statusChange], { source })).success).toBe(true);
    expect(refusedPaths(changeEvent.safeParse({ ...makeEvent([statusChange]), source: 'import' }))).toEqual(['source']);
  });

  it('refuses a project id that is not all digits, an empty id and an event without changes', () => {
    const event = makeEvent([statusChange]);
    for (const id of ['', 'x10000', '10000x', 'DEMO'])
      expect(refusedPaths(changeEvent.safeParse({ ...event, project: { ...event.project, id } })), id).toEqual(['project.id']);
    expect(refusedPaths(changeEvent.safeParse({ ...event, id: '' }))).toEqual(['id']);
    expect(refusedPaths(changeEvent.safeParse({ ...event, changes: [] }))).toEqual(['changes']);
  });
});

describe('change notice schema (the queue body)', () => {
  it('reads a notice exactly', () => {
    const notice = { projectId: '10000', eventId: 'evt-1', sequence: 3 };
    expect(changeNotice.parse({ ...notice })).toEqual(notice);
  });

  it('refuses a project id that is not all digits and an empty event id', () => {
    for (const projectId of ['', 'x10000', '10000x', 'DEMO'])
      expect(refusedPaths(changeNotice.safeParse({ projectId, eventId: 'evt-1', sequence: 1 })), projectId).toEqual(['projectId']);
    expect(refusedPaths(changeNotice.safeParse({ projectId: '10000', eventId: '', sequence: 1 }))).toEqual(['eventId']);
  });
});

describe('change notices (the queue body of one write)', () => {
  const notice = (projectId: string, sequence: number) => ({ projectId, eventId: `evt-${projectId}-${sequence}`, sequence });

  it('reads a body naming several projects, and a single notice as earlier versions pushed it', () => {
    expect(changeNotices.parse({ projects: [notice('10000', 1), notice('10001', 4)] })).toEqual([notice('10000', 1), notice('10001', 4)]);
    expect(changeNotices.parse(notice('10002', 7))).toEqual([notice('10002', 7)]);
  });

  it('refuses an empty list, one over the limit and a malformed notice in the list', () => {
    expect(changeNotices.safeParse({ projects: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_PROJECTS_PER_NOTICE + 1 }, (_, i) => notice(String(10000 + i), 1));
    expect(changeNotices.safeParse({ projects: many }).success).toBe(false);
    expect(changeNotices.safeParse({ projects: many.slice(0, MAX_PROJECTS_PER_NOTICE) }).success).toBe(true);
    expect(changeNotices.safeParse({ projects: [notice('10000', 1), { ...notice('10001', 1), projectId: 'DEMO' }] }).success).toBe(false);
  });

  it('groups notices one per project, its latest, up to the limit a body', () => {
    expect(groupNotices([])).toEqual([]);
    expect(groupNotices([notice('10000', 2), notice('10001', 1), notice('10000', 5), notice('10000', 3)])).toEqual([
      { projects: [notice('10000', 5), notice('10001', 1)] },
    ]);
    const projects = Array.from({ length: MAX_PROJECTS_PER_NOTICE * 2 + 1 }, (_, i) => notice(String(10000 + i), 1));
    const bodies = groupNotices(projects);
    expect(bodies.map((b) => b.projects.length)).toEqual([MAX_PROJECTS_PER_NOTICE, MAX_PROJECTS_PER_NOTICE, 1]);
    expect(bodies.flatMap((b) => b.projects)).toEqual(projects);
  });
});
