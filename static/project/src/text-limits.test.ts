import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src/contract/fields';
import { counterText, measureText, textProblem } from './text-limits';

const text: FieldDefinition = { id: 1011, name: 'Code name', type: 'text' };
const story: FieldDefinition = { id: 1006, name: 'What are we doing?', type: 'textarea' };

describe('text limits', () => {
  it('counts a single line in characters and a long text in UTF-8 bytes', () => {
    expect(measureText(text, 'héllo')).toEqual({ used: 5, limit: 255, unit: 'characters' });
    expect(measureText(story, 'héllo')).toEqual({ used: 6, limit: 32768, unit: 'bytes' });
    expect(measureText({ id: 1, name: 'N', type: 'number' }, '12')).toBeNull();
  });

  it('accepts a text at the limit and refuses one over it, saying by how much', () => {
    expect(textProblem(text, 'x'.repeat(255))).toBeNull();
    expect(textProblem(text, 'x'.repeat(256))).toBe('1 character over the limit of 255: shorten the text to save it.');
    expect(textProblem(text, 'x'.repeat(300))).toBe('45 characters over the limit of 255: shorten the text to save it.');
    expect(textProblem(story, 'é'.repeat(16384))).toBeNull();
    expect(textProblem(story, `${'é'.repeat(16384)}!`)).toBe('1 byte over the limit of 32,768: shorten the text to save it.');
  });

  it('refuses line breaks in a single-line text only', () => {
    expect(textProblem(text, 'a\nb')).toBe('Use a single line: this field cannot hold line breaks.');
    expect(textProblem(story, 'a\nb')).toBeNull();
  });

  it('writes the counter with thousands separators', () => {
    expect(counterText({ used: 12, limit: 255, unit: 'characters' })).toBe('12 / 255');
    expect(counterText({ used: 1200, limit: 32768, unit: 'bytes' })).toBe('1,200 / 32,768 bytes');
  });
});
