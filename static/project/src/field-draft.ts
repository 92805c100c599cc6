import { MULTI_TYPES, type FieldDefinition, type RawValue } from '../../../src/contract/fields';
import { formatDuration, parseDuration } from './duration';
import { textProblem } from './text-limits';

/** What an input holds while the user edits: text for single values, a list of option values for multi ones. */
export type Draft = string | string[];

export type DraftParse = { ok: true; raw: RawValue | null } | { ok: false; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A decimal number as people write it ("12", "-0.5", "1e6"); not "0x10" or "Infinity", which Number() would take. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function isMulti(field: FieldDefinition): boolean {
  return MULTI_TYPES.includes(field.type);
}

/** The input's starting content for a stored value (null and missing read as empty). */
export function toDraft(field: FieldDefinition, raw: RawValue | null | undefined): Draft {
  if (isMulti(field)) return Array.isArray(raw) ? raw.map(String) : [];
  if (raw === null || raw === undefined || Array.isArray(raw)) return '';
  if (field.type === 'duration' && typeof raw === 'number') return formatDuration(raw);
  return String(raw);
}

/** The stored value an input's content stands for: empty gives null (single) or [] (multi). */
export function fromDraft(field: FieldDefinition, draft: Draft): DraftParse {
  if (isMulti(field)) {
    const list = Array.isArray(draft) ? draft : [draft].filter((item) => item !== '');
    return { ok: true, raw: field.type === 'multilist' ? list.map(Number) : list };
  }
  const text = Array.isArray(draft) ? (draft[0] ?? '') : draft;
  // Text keeps what was typed, spaces and markup included; only a field left empty is cleared.
  if (field.type === 'text' || field.type === 'textarea') {
    const problem = textProblem(field, text);
    return problem ? { ok: false, message: problem } : { ok: true, raw: text === '' ? null : text };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, raw: null };
  switch (field.type) {
    case 'number': {
      const value = Number(trimmed);
      return DECIMAL.test(trimmed) && Number.isFinite(value)
        ? { ok: true, raw: value }
        : { ok: false, message: `"${trimmed}" is not a number. Write it with digits and a point, e.g. 1250 or 3.5.` };
    }
    case 'duration': {
      const parsed = parseDuration(trimmed);
      return parsed.ok ? { ok: true, raw: parsed.ms } : parsed;
    }
    case 'date':
      return ISO_DATE.test(trimmed) ? { ok: true, raw: trimmed } : { ok: false, message: 'Enter a date as yyyy-mm-dd.' };
    case 'priority':
    case 'status':
    case 'list':
      return { ok: true, raw: Number(trimmed) };
    default:
      return { ok: true, raw: trimmed };
  }
}

/** Whether two stored values are the same; null equals [], and multi values compare as sets. */
export function sameRaw(a: RawValue | null | undefined, b: RawValue | null | undefined): boolean {
  const left = normalise(a);
  const right = normalise(b);
  if (Array.isArray(left) || Array.isArray(right)) {
    const l = Array.isArray(left) ? left.map(String).sort() : [];
    const r = Array.isArray(right) ? right.map(String).sort() : [];
    return l.length === r.length && l.every((item, index) => item === r[index]);
  }
  return left === right;
}

function normalise(value: RawValue | null | undefined): RawValue | null {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}

/** Whether the input's content still matches the stored value's (so an untouched field is never re-sent). */
export function sameDraft(a: Draft, b: Draft): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return sameRaw(a, b);
  return a === b;
}
