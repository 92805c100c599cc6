import { describe, expect, it } from 'vitest';
import { backgroundFor, initialsOf } from './initials';

describe('initials avatars', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Pat Lead')).toBe('PL');
    expect(initialsOf('  alana   de la admin ')).toBe('AA');
    expect(initialsOf('Operations')).toBe('O');
    expect(initialsOf('Émile Zola')).toBe('ÉZ');
    expect(initialsOf('')).toBe('');
  });

  it('gives an id the same colour every time', () => {
    expect(backgroundFor('60b7e3d41f2c9a006f1b8d25')).toBe(backgroundFor('60b7e3d41f2c9a006f1b8d25'));
    expect(new Set(['10000', '10001', '10002', '10003', 'a', 'b', 'c'].map(backgroundFor)).size).toBeGreaterThan(1);
  });
});
