import { describe, expect, it } from 'vitest';
import type { FieldSnapshot } from '../changes/change-event';
import { snapshotOf } from '../changes/diff';
import type { FieldType, RawValue } from '../../contract/fields';
import { makeEvent, makeField } from '../../../test/support/factories';
import { expectValidPayload } from '../../../test/support/payload-validator';
import { formatPayload, formatValue } from './format-payload';

type Formatted = string | string[] | null;
interface Case {
  type: FieldType;
  a: RawValue;
  b: RawValue;
  aOut: Formatted;
  bOut: Formatted;
  empty: Formatted;
}

// Two stored values per type and how receivers must see them (Projectrak's documented value formats).
const CASES: Case[] = [
  { type: 'text', a: 'Kick-off', b: 'Delivery', aOut: 'Kick-off', bOut: 'Delivery', empty: null },
  { type: 'textarea', a: 'h1. Goal\n*bold*', b: 'Line 1\nLine 2', aOut: 'h1. Goal\n*bold*', bOut: 'Line 1\nLine 2', empty: null },
  { type: 'number', a: 23, b: -4.5, aOut: '23', bOut: '-4.5', empty: null },
  { type: 'date', a: '2026-02-28', b: '2027-01-01', aOut: '2026-02-28', bOut: '2027-01-01', empty: null },
  { type: 'duration', a: 3_600_000, b: 0, aOut: '3600000', bOut: '0', empty: null },
  { type: 'priority', a: 1, b: 2, aOut: 'Alpha', bOut: 'Beta', empty: null },
  { type: 'status', a: 2, b: 1, aOut: 'Beta', bOut: 'Alpha', empty: null },
  { type: 'list', a: 1, b: 2, aOut: 'Alpha', bOut: 'Beta', empty: null },
  { type: 'multilist', a: [1], b: [2, 1], aOut: ['Alpha'], bOut: ['Beta', 'Alpha'], empty: [] },
  { type: 'user', a: 'acc-1', b: 'acc-2', aOut: 'acc-1', bOut: 'acc-2', empty: null },
  { type: 'multiuser', a: ['acc-1', 'acc-2'], b: ['acc-3'], aOut: ['acc-1', 'acc-2'], bOut: ['acc-3'], empty: [] },
  { type: 'project', a: '10001', b: '10002', aOut: '10001', bOut: '10002', empty: null },
  { type: 'multiproject', a: ['10001'], b: ['10002', '10003'], aOut: ['10001'], bOut: ['10002', '10003'], empty: [] },
];

function fieldOf(type: FieldType, previous: RawValue | null, current: RawValue | null) {
  const body = formatPayload(makeEvent([{ field: snapshotOf(makeField(type), [previous, current]), previous, current }]));
  expectValidPayload(body);
  return body.data.fields[0];
}

describe('formatPayload: every type, set from empty, changed, cleared', () => {
  it.each(CASES)('$type', ({ type, a, b, aOut, bOut, empty }) => {
    expect(fieldOf(type, null, a)).toEqual({ id: 2001, name: `My ${type}`, type, value: { current: aOut, previous: empty } });
    expect(fieldOf(type, a, b)).toEqual({ id: 2001, name: `My ${type}`, type, value: { current: bOut, previous: aOut } });
    expect(fieldOf(type, b, null)).toEqual({ id: 2001, name: `My ${type}`, type, value: { current: empty, previous: bOut } });
  });

  it('covers all 13 types', () => {
    expect(new Set(CASES.map((c) => c.type)).size).toBe(13);
  });

  it('wraps the fields in the envelope with the user, the time and the project', () => {
    const body = formatPayload(
      makeEvent([{ field: { id: 1003, name: 'Start date', type: 'date' }, previous: null, current: '2026-12-01' }], { user: null }),
    );
    expect(body).toEqual({
      type: 'project.fields.updated',
      timestamp: '2026-11-30T12:00:00.000Z',
      data: {
        event: 'updated',
        user: null,
        timestamp: Date.UTC(2026, 10, 30, 12, 0, 0),
        sequence: 1,
        project: { id: 10000, key: 'DEMO', name: 'Demo project' },
        fields: [{ id: 1003, name: 'Start date', type: 'date', value: { current: '2026-12-01', previous: null } }],
      },
    });
  });
});

describe('formatValue: option names from the snapshot', () => {
  const status = { id: 1001, name: 'Status', type: 'status', options: [{ id: 1, name: 'On track' }] } satisfies FieldSnapshot;
  const tags = {
    id: 1014,
    name: 'Tags',
    type: 'multilist',
    options: [
      { id: 1, name: 'Red' },
      { id: 2, name: 'Green' },
    ],
  } satisfies FieldSnapshot;

  it('names each option id it finds, and gives the id itself for one the snapshot lacks', () => {
    expect(formatValue(status, 1)).toBe('On track');
    expect(formatValue(status, 7)).toBe('7');
    expect(formatValue(tags, [2, 9, 1])).toEqual(['Green', '9', 'Red']);
  });

  it('looks up numbers only: a text that looks like an option id stays as it is', () => {
    expect(formatValue({ ...status, type: 'text' }, '1')).toBe('1');
    expect(formatValue({ id: 1012, name: 'Budget', type: 'number' }, 1)).toBe('1');
  });

  it('gives null for an empty single value and [] for an empty list', () => {
    expect(formatValue(status, null)).toBeNull();
    expect(formatValue(tags, null)).toEqual([]);
    expect(formatValue(tags, [])).toEqual([]);
  });
});
