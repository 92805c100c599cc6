import { randomBytes } from 'node:crypto';

/**
 * A platform service's JSON answer (KVS, queue, Jira): a real `Response` — status, headers, `instanceof`, and a body
 * that reads once — whose body is kept as text until something asks for it as a stream. The SDKs read these answers
 * with `text()` or `json()` only; a body made into a web stream up front, then read back out of it, cost more than
 * the call it answered. Anything else (`body`, `clone()`, `blob()`…) gets a real body made from the same text.
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return textAnswer(status, stringify(body), { 'content-type': 'application/json', ...headers });
}

// Tokens of this process: a random part no caller can guess, then the call's number and the text's (see JsonText).
const NONCE = randomBytes(6).toString('hex');
const TOKEN = new RegExp(`"\\\\u0000${NONCE}-(\\d+):(\\d+)\\\\u0000"`, 'g');
let calls = 0;
/** The texts of the stringify call under way, and its number. */
let collecting: { texts: string[]; call: number } | undefined;

/**
 * A value that is already JSON text (a stored item, as the store keeps it): written into an answer as it is, instead
 * of being parsed only to be written out again. Outside `stringify` it writes as its parsed value.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    if (!collecting) return JSON.parse(this.text) as unknown;
    collecting.texts.push(this.text);
    // Stands in for the text until the JSON is written: NUL, the process's nonce and the call's number, NUL (JSON
    // writes NUL as \u0000). No key can hold NUL, and no caller knows the nonce.
    return `\u0000${NONCE}-${collecting.call}:${collecting.texts.length - 1}\u0000`;
  }
}

/** JSON.stringify, with each JsonText in `value` written as its text. */
export function stringify(value: unknown): string | undefined {
  const outer = collecting;
  const mine = { texts: [] as string[], call: (calls = (calls + 1) % 1_000_000) };
  collecting = mine;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } finally {
    collecting = outer;
  }
  if (json === undefined || mine.texts.length === 0) return json;
  return json.replace(TOKEN, (token, call: string, i: string) => (Number(call) === mine.call ? (mine.texts[Number(i)] ?? token) : token));
}

/** A body method's promise: whatever `read` throws is a rejection, as a real body's refusals are. */
function settle<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Statuses whose answers have no body: Response refuses one. */
export const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export function textAnswer(status: number, text: string | undefined, headers: Record<string, string>): Response {
  const init = { status, headers };
  // Nothing to keep as text (JSON.stringify(undefined)), or no body allowed: a Response made as it always was.
  if (text === undefined || NULL_BODY_STATUSES.has(status)) return new Response(text, init);
  const response = new Response(null, init);
  let real: Response | undefined;
  let used = false;
  const materialise = (): Response => {
    if (real) return real;
    real = new Response(text, init);
    // Already read as text: the real body is read too, so that it is as unusable as it should be.
    if (used) void real.arrayBuffer();
    return real;
  };
  const take = (): string => {
    if (used) throw new TypeError('Body is unusable: Body has already been read');
    used = true;
    return text;
  };
  const bytesOf = (value: string): ArrayBuffer => {
    const bytes = new TextEncoder().encode(value);
    return bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  };
  // The rest of the body's methods, those this Node has, read a real body.
  const others = Object.fromEntries(
    ['blob', 'formData', 'bytes']
      .filter((name) => name in Response.prototype)
      .map((name) => [name, { value: () => (materialise() as unknown as Record<string, () => unknown>)[name]?.call(real) }]),
  );
  Object.defineProperties(response, {
    body: { get: () => materialise().body },
    bodyUsed: { get: () => (real ? real.bodyUsed : used) },
    text: { value: () => settle(() => (real ? real.text() : take())) },
    json: { value: () => settle(() => (real ? (real.json() as Promise<unknown>) : (JSON.parse(take()) as unknown))) },
    arrayBuffer: { value: () => settle(() => (real ? real.arrayBuffer() : bytesOf(take()))) },
    ...others,
    clone: { value: () => materialise().clone() },
  });
  return response;
}
