import { KvsError } from './errors';

/*
 * Forge's limits, and the codes it answers with. Sources:
 *  - https://developer.atlassian.com/platform/forge/limits-kvs-ce (key 500 chars, key regex, value
 *    240 KiB, object depth 31)
 *  - https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs (KEY_TOO_SHORT,
 *    KEY_TOO_LONG, INVALID_KEY, MAX_SIZE, MAX_DEPTH, LIST_QUERY_LIMIT_EXCEEDED, all 400)
 *  - handling-errors-customentities (ENTITY_TYPE_TOO_SHORT / _TOO_LARGE, INVALID_ENTITY_TYPE, INVALID_ENTITY_VALUE)
 *  - storage-reference/transactions and batchops-entities (25 operations / keys each, 4 MB per transaction or batch set)
 *  - kvs-api-secret (secret values up to 128 KiB)
 * See docs/forge-platform.md, "KVS and custom entities".
 */
export const MAX_KEY_LENGTH = 500;
/** The documented /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/, with the '-' moved last so it reads as a literal. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_SECRET_BYTES = 128 * 1024;
/** "4MB" with no binary prefix, where the same pages write KiB for values: read as 4,000,000 bytes, the stricter reading. */
export const MAX_PAYLOAD_BYTES = 4_000_000;
/** The limits page says 31, the error table says 32: the stricter one, so what passes here passes on Forge. */
export const MAX_OBJECT_DEPTH = 31;
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 100;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;
/**
 * The Forge pages we could read name no TTL ceiling; one year is our assumption, so an app asking for
 * longer hears about it locally instead of relying on an expiry Forge might refuse. Code INVALID_TTL is ours.
 */
export const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;

export function checkKey(key: string): void {
  if (key.length === 0) throw new KvsError(400, 'KEY_TOO_SHORT', 'The provided key must not be empty');
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsError(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  }
}

/**
 * Checks a value against Forge's type, size and depth limits and returns its JSON, the form it is
 * stored, sized and billed in. Secrets are held to 128 KiB, everything else to 240 KiB.
 */
export function checkValue(value: unknown, maxBytes: number = MAX_VALUE_BYTES): string {
  const allowed = (typeof value === 'object' && value !== null) || ['string', 'number', 'boolean'].includes(typeof value);
  if (!allowed) throw new KvsError(400, 'BAD_REQUEST', 'value must be a string, number, boolean, array or object');
  if (exceedsDepth(value, 0)) {
    throw new KvsError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${MAX_OBJECT_DEPTH}) limit`);
  }
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') > maxBytes) {
    throw new KvsError(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit of ${maxBytes} bytes`);
  }
  return json;
}

/**
 * A transaction, or a batch set, of more than 4 MB. Forge names no code for it: TRANSACTION_LIMIT_EXCEEDED and
 * BATCH_LIMIT_EXCEEDED are the host's, the same it uses for too many operations.
 */
export function checkPayload(body: unknown, code: 'TRANSACTION_LIMIT_EXCEEDED' | 'BATCH_LIMIT_EXCEEDED', requestBytes?: number): void {
  const bytes = requestBytes ?? Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new KvsError(400, code, `The payload of ${bytes} bytes exceeds the limit of ${MAX_PAYLOAD_BYTES} bytes (4 MB)`);
}

/** Stops descending one level past the limit, so a hostile payload cannot exhaust the stack. */
function exceedsDepth(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth + 1 > MAX_OBJECT_DEPTH) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => exceedsDepth(child, depth + 1));
}

const UNIT_SECONDS = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 } as const;
export type TtlUnit = keyof typeof UNIT_SECONDS;

export function ttlToMs(ttl: { value: number; unit: TtlUnit }): number {
  const seconds = ttl.value * UNIT_SECONDS[ttl.unit];
  if (!Number.isInteger(ttl.value) || ttl.value < 1 || seconds > MAX_TTL_SECONDS) {
    throw new KvsError(400, 'INVALID_TTL', `ttl must be a whole number of at least 1 ${ttl.unit} and at most ${MAX_TTL_SECONDS} seconds`);
  }
  return seconds * 1000;
}
