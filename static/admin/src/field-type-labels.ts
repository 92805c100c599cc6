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

/**
 * What each type holds and how it shows, said in the create form. Status, Priority and List all hold one of the
 * field's options; they differ in what the options mean, so the project page and receivers can treat them apart.
 */
export const FIELD_TYPE_HELP: Record<FieldType, string> = {
  text: 'One line of text, up to 255 characters, such as a code name.',
  textarea: 'Longer text over several lines, up to 32 KB, such as goals or notes.',
  number: 'Any number, such as a budget or a score.',
  date: 'A calendar day, picked from a calendar.',
  duration: 'A length of time, typed like 2w 3d 4h (a week is 5 days, a day 8 hours, as in Jira).',
  priority:
    'One option from a ranked scale. The order of the options is the rank, most important first (like Highest … Lowest), and receivers get type "priority", so they can sort by it.',
  status:
    'One option that says where a project stands, such as On track or At risk. Shown as a coloured lozenge, and sent as type "status", so receivers can treat it as a state.',
  list: 'One option from a plain list, with no rank or state meant: the choice is all that counts.',
  multilist: 'Any number of options from a plain list, such as tags.',
  user: 'One person of this site, picked by name.',
  multiuser: 'Several people of this site, such as stakeholders.',
  project: 'One Jira project, such as a parent project.',
  multiproject: 'Several Jira projects, such as related ones.',
};
