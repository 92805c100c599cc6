import type { FieldDefinition } from '../../../src/contract/fields';

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

/** Words of common project states and the colour Jira's lozenges give them (green done, yellow at risk, red off track). */
const STATUS_WORDS: readonly [RegExp, LozengeAppearance][] = [
  [/\b(on track|done|complete|completed|achieved|green)\b/i, 'success'],
  [/\b(at risk|delayed|blocked|amber|yellow)\b/i, 'moved'],
  [/\b(off track|failed|cancelled|canceled|red)\b/i, 'removed'],
  [/\b(on hold|paused|not started|backlog)\b/i, 'default'],
  [/\b(new|proposed|idea)\b/i, 'new'],
];

/**
 * The lozenge colour of an option. Options carry no colour of their own, so a status is coloured by what its name
 * says (anything else reads as in progress), a priority by its rank from highest to lowest (the top third red,
 * the middle yellow, the rest grey), and a list option is plain grey.
 */
export function lozengeAppearance(field: FieldDefinition, optionId: number): LozengeAppearance {
  const options = field.options ?? [];
  if (field.type === 'status') {
    const name = options.find((option) => option.id === optionId)?.name ?? '';
    return STATUS_WORDS.find(([words]) => words.test(name))?.[1] ?? 'inprogress';
  }
  if (field.type === 'priority') {
    const rank = options.findIndex((option) => option.id === optionId);
    if (rank < 0 || options.length < 2) return 'default';
    // 0 for the highest, 1 for the lowest.
    const position = rank / (options.length - 1);
    return position < 1 / 3 ? 'removed' : position <= 2 / 3 ? 'moved' : 'default';
  }
  return 'default';
}
