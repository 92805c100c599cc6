import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../test/support/factories';
import type { FieldChange } from '../changes/change-event';
import { changeFor } from './payload-for';

const change = (id: number): FieldChange => ({ field: { id, name: `F${id}`, type: 'text' }, previous: null, current: `v${id}` });
const event = makeEvent([change(1001), change(1003), change(1)]);

describe('changeFor', () => {
  it('passes the whole change to a webhook without filters', () => {
    expect(changeFor(event, { projects: null, fields: null })).toBe(event);
  });

  it('keeps only the fields a webhook watches, in their order', () => {
    expect(changeFor(event, { projects: null, fields: [1, 1001] })?.changes.map((c) => c.field.id)).toEqual([1001, 1]);
  });

  it('sends nothing when no watched field changed, or the project is not watched', () => {
    expect(changeFor(event, { projects: null, fields: [1004] })).toBeNull();
    expect(changeFor(event, { projects: ['10001'], fields: null })).toBeNull();
    expect(changeFor(event, { projects: ['10001', '10000'], fields: [1003] })?.changes.map((c) => c.field.id)).toEqual([1003]);
  });
});
