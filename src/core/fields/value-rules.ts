import { z } from 'zod';
import type { FieldDefinition, RawValue } from '../../contract/fields';
import { MULTI_TYPES, TEXT_MAX_CHARS, TEXTAREA_MAX_BYTES } from '../../contract/fields';
import { isCalendarDate } from './calendar-date';

/** Lookups the rules need, gathered beforehand (see `referencedIds`), so the rules stay pure. */
export interface References {
  userExists(accountId: string): boolean;
  projectExists(projectId: string): boolean;
  /**
   * Whether the project already holds this item in this field. A disabled option, or a user or project that is
   * gone, stays where it is stored (keeping a multi-value field's other items editable) but cannot be chosen anew.
   */
  alreadyStored?(fieldId: number, item: string | number): boolean;
}

export type ValueVerdict = { ok: true; value: RawValue | null } | { ok: false; code: string; message: string };

// The limits live in the contract, so the project page counts against the same numbers.
export { TEXT_MAX_CHARS, TEXTAREA_MAX_BYTES };

const refuse = (code: string, message: string): ValueVerdict => ({ ok: false, code, message });
const accept = (value: RawValue | null): ValueVerdict => ({ ok: true, value });

// The shapes each type accepts, checked with zod before the rules that need the field or the site.
const shapes = {
  text: z
    .string()
    .max(TEXT_MAX_CHARS)
    .regex(/^[^\r\n]*$/),
  textarea: z.string().refine((s) => Buffer.byteLength(s, 'utf8') <= TEXTAREA_MAX_BYTES),
  number: z.number().finite(),
  date: z.string().refine(isCalendarDate),
  duration: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  option: z.union([z.number().int(), z.string().min(1)]),
  accountId: z.string().min(1).max(128),
  projectId: z.union([z.string().regex(/^\d+$/), z.number().int().positive().transform(String)]),
} as const;

const SHAPE_MESSAGES: Record<string, [string, string]> = {
  text: ['INVALID_TEXT', `must be a single line of at most ${TEXT_MAX_CHARS} characters`],
  textarea: ['INVALID_TEXT', `must be text of at most ${TEXTAREA_MAX_BYTES} bytes`],
  number: ['INVALID_NUMBER', 'must be a finite number'],
  date: ['INVALID_DATE', 'must be a calendar date written yyyy-mm-dd'],
  duration: ['INVALID_DURATION', 'must be a whole, non-negative number of milliseconds'],
  option: ['INVALID_OPTION', "must be one of the field's option ids or names"],
  accountId: ['INVALID_USER', 'must be an Atlassian account id'],
  projectId: ['INVALID_PROJECT', 'must be a Jira project id'],
};

type ShapeName = keyof typeof shapes;
const shapeOf: Record<FieldDefinition['type'], ShapeName> = {
  text: 'text',
  textarea: 'textarea',
  number: 'number',
  date: 'date',
  duration: 'duration',
  priority: 'option',
  status: 'option',
  list: 'option',
  multilist: 'option',
  user: 'accountId',
  multiuser: 'accountId',
  project: 'projectId',
  multiproject: 'projectId',
};

/** One item of a value: shape first, then what only the field or the site can tell. */
function checkItem(
  field: FieldDefinition,
  input: unknown,
  refs: References,
): { ok: true; value: string | number } | { ok: false; code: string; message: string } {
  const shape = shapeOf[field.type];
  const parsed = shapes[shape].safeParse(input);
  if (!parsed.success) {
    const [code, message] = SHAPE_MESSAGES[shape] ?? ['INVALID_VALUE', 'is not valid'];
    return { ok: false, code, message: `${message} (got ${describe(input)})` };
  }
  const value = parsed.data;
  if (shape === 'option') {
    const option = (field.options ?? []).find((o) => (typeof value === 'number' ? o.id === value : o.name.toLowerCase() === value.toLowerCase()));
    if (!option) return { ok: false, code: 'UNKNOWN_OPTION', message: `has no option ${JSON.stringify(value)}` };
    if (option.disabled && !refs.alreadyStored?.(field.id, option.id))
      return { ok: false, code: 'DISABLED_OPTION', message: `option "${option.name}" is disabled` };
    return { ok: true, value: option.id };
  }
  if (refs.alreadyStored?.(field.id, value)) return { ok: true, value };
  if (shape === 'accountId' && !refs.userExists(String(value)))
    return { ok: false, code: 'UNKNOWN_USER', message: `no user has account id ${String(value)}` };
  if (shape === 'projectId' && !refs.projectExists(String(value)))
    return { ok: false, code: 'UNKNOWN_PROJECT', message: `no project has id ${String(value)}` };
  return { ok: true, value };
}

/** Validates one input for one field and turns it into what is stored; null means "no value". */
export function checkValue(field: FieldDefinition, input: unknown, refs: References): ValueVerdict {
  const prefix = (message: string) => `${field.name}: ${message}`;
  if (MULTI_TYPES.includes(field.type)) {
    if (input === null) return accept(null);
    if (!Array.isArray(input)) return refuse('NOT_A_LIST', prefix(`must be a list (got ${describe(input)})`));
    const values: (string | number)[] = [];
    for (const item of input) {
      const checked = checkItem(field, item, refs);
      if (!checked.ok) return refuse(checked.code, prefix(checked.message));
      if (!values.includes(checked.value)) values.push(checked.value);
    }
    return accept(values.length === 0 ? null : (values as string[] | number[]));
  }
  if (input === null || input === '') return accept(null);
  const checked = checkItem(field, input, refs);
  return checked.ok ? accept(checked.value) : refuse(checked.code, prefix(checked.message));
}

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return input.length > 40 ? `a text of ${input.length} characters` : JSON.stringify(input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return typeof input === 'object' ? 'an object' : typeof input;
}
