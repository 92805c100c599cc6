import crypto from 'node:crypto';
import { z } from 'zod';
import { badRequest } from './errors';

/*
 * Query cursors. Forge's are opaque, "not stable and should not be persisted", and a query given one must use
 * "the same parameters as the initial query" (/platform/forge/storage-reference/entities/, "Cursors";
 * docs/forge-platform.md, "KVS and custom entities"). So a host cursor carries where the page ended and a
 * fingerprint of the query that issued it: a cursor the host did not issue, or one from another query, is
 * refused with 400 BAD_REQUEST naming the field. Forge documents no answer for either; refusing is never kinder.
 */
const cursorShape = z.object({ q: z.string(), p: z.unknown() });

export function issueCursor(query: unknown, position: unknown): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(query), p: position }), 'utf8').toString('base64url');
}

/** The position a cursor holds, checked against `position` (its shape for this kind of query). */
export function readCursor<T>(query: unknown, cursor: string, field: string, position: z.ZodType<T>): T {
  const decoded = cursorShape.safeParse(parseJson(Buffer.from(cursor, 'base64url').toString('utf8')));
  const parsed = decoded.success ? position.safeParse(decoded.data.p) : undefined;
  if (!decoded.success || parsed === undefined || !parsed.success) {
    throw badRequest(`Provided request body is invalid: ${field}: not a cursor returned by this store`);
  }
  if (decoded.data.q !== fingerprint(query)) {
    throw badRequest(`Provided request body is invalid: ${field}: the cursor belongs to a query with other parameters`);
  }
  return parsed.data;
}

function fingerprint(query: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
