import type { ChangeEvent, FieldChange } from '../../src/core/changes/change-event';
import type { FieldDefinition, FieldType } from '../../src/contract/fields';

/** A field of the given type; option types get three options (ids 1–3), the third disabled. */
export function makeField(type: FieldType, overrides: Partial<FieldDefinition> = {}): FieldDefinition {
  const options = ['priority', 'status', 'list', 'multilist'].includes(type)
    ? [
        { id: 1, name: 'Alpha', disabled: false },
        { id: 2, name: 'Beta', disabled: false },
        { id: 3, name: 'Retired', disabled: true },
      ]
    : undefined;
  return { id: 2001, name: `My ${type}`, type, ...(options ? { options } : {}), ...overrides };
}

export function makeEvent(changes: FieldChange[], overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: 'evt-1',
    project: { id: '10000', key: 'DEMO', name: 'Demo project' },
    user: '5f8a1c2e9b3d4a0012e4c7a1',
    at: Date.UTC(2026, 10, 30, 12, 0, 0),
    sequence: 1,
    source: 'project-page',
    changes,
    ...overrides,
  };
}
