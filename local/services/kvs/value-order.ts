/**
 * The order of attribute values: numbers numerically, booleans false before true, strings by their UTF-8 bytes —
 * the order SQLite's BINARY collation gives the key column and index values, so evaluating a condition in memory
 * agrees with the index scan. Values of different types are unordered (undefined).
 */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  return undefined;
}
