import type { FieldType } from '../../../src/contract/fields';

/** How each field type is named to admins, in the order the create form offers them. */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text (single line)',
  textarea: 'Text (multi-line)',
  number: 'Number',
  date: 'Date',
  duration: 'Duration',
  priority: 'Priority',
  status: 'Status',
  list: 'List (one choice)',
  multilist: 'List (several choices)',
  user: 'User',
  multiuser: 'Users',
  project: 'Project',
  multiproject: 'Projects',
};
