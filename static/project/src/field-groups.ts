import type { FieldDefinition, FieldType } from '../../../src/contract/fields';

export interface FieldGroup {
  key: 'progress' | 'schedule' | 'people' | 'details';
  title: string;
  fields: FieldDefinition[];
}

/**
 * The page's sections, in the order a reader scans a project: where it stands, when, who and what else, then the
 * words. A field's section follows from its type (a type never changes, docs/fields.md), so the layout stays put
 * while admins add fields; inside a section fields keep the catalogue's order.
 */
const SECTIONS: readonly { key: FieldGroup['key']; title: string; types: readonly FieldType[] }[] = [
  { key: 'progress', title: 'Status and priority', types: ['status', 'priority', 'list', 'multilist'] },
  { key: 'schedule', title: 'Schedule', types: ['date', 'duration'] },
  { key: 'people', title: 'People and related projects', types: ['user', 'multiuser', 'project', 'multiproject'] },
  { key: 'details', title: 'Details', types: ['text', 'number', 'textarea'] },
];

/** The fields in their sections; a section with no field is left out. */
export function groupFields(fields: readonly FieldDefinition[]): FieldGroup[] {
  return SECTIONS.map(({ key, title, types }) => ({ key, title, fields: fields.filter((field) => types.includes(field.type)) })).filter(
    (group) => group.fields.length > 0,
  );
}

/** Every field in the order the page shows them: where focus goes first when several are refused. */
export function pageOrder(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return groupFields(fields).flatMap((group) => group.fields);
}
