import { TEXT_MAX_CHARS, TEXTAREA_MAX_BYTES, type FieldDefinition } from '../../../src/contract/fields';

export interface TextMeasure {
  used: number;
  limit: number;
  unit: 'characters' | 'bytes';
}

/**
 * How much of its limit a text uses, counted as the app counts it (src/core/fields/value-rules.ts): a single line
 * by its JavaScript length, a multi-line text by its UTF-8 bytes. Nothing is ever cut to fit: over is an error.
 */
export function measureText(field: FieldDefinition, text: string): TextMeasure | null {
  if (field.type === 'text') return { used: text.length, limit: TEXT_MAX_CHARS, unit: 'characters' };
  if (field.type === 'textarea') return { used: new TextEncoder().encode(text).length, limit: TEXTAREA_MAX_BYTES, unit: 'bytes' };
  return null;
}

const count = new Intl.NumberFormat('en');

/** Why a text cannot be saved as it is, or null when it can. */
export function textProblem(field: FieldDefinition, text: string): string | null {
  if (field.type === 'text' && /[\r\n]/.test(text)) return 'Use a single line: this field cannot hold line breaks.';
  const measure = measureText(field, text);
  if (!measure || measure.used <= measure.limit) return null;
  const over = measure.used - measure.limit;
  const unit = over === 1 ? measure.unit.slice(0, -1) : measure.unit;
  return `${count.format(over)} ${unit} over the limit of ${count.format(measure.limit)}: shorten the text to save it.`;
}

/** The counter under a text input: "12 / 255", or how far over. */
export function counterText(measure: TextMeasure): string {
  const suffix = measure.unit === 'bytes' ? ' bytes' : '';
  return `${count.format(measure.used)} / ${count.format(measure.limit)}${suffix}`;
}
