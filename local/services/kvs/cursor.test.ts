import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueCursor, readCursor } from './cursor';

const query = { prefix: 'issue:' };
const refusal = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
};

describe('query cursors', () => {
  it('give back the position they were issued with, for the same query', () => {
    const cursor = issueCursor(query, { r: 12.5, k: 'd1' });
    expect(readCursor({ prefix: 'issue:' }, cursor, 'cursor', z.object({ r: z.number(), k: z.string() }))).toEqual({ r: 12.5, k: 'd1' });
  });

  it('are refused for another query, naming the field', () => {
    const cursor = issueCursor(query, 'issue:07');
    expect(refusal(() => readCursor({ prefix: 'issue:0' }, cursor, 'after', z.string()))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Provided request body is invalid: after: the cursor belongs to a query with other parameters',
    });
  });

  it.each([
    ['not base64 JSON', 'second-page'],
    ['JSON without a fingerprint', Buffer.from(JSON.stringify({ p: 'x' })).toString('base64url')],
    ['a position of the wrong shape', issueCursor(query, 42)],
  ])('are refused when %s', (_, cursor) => {
    expect(refusal(() => readCursor(query, cursor, 'after', z.string()))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Provided request body is invalid: after: not a cursor returned by this store',
    });
  });
});
