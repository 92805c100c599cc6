/**
 * A platform service's JSON answer (KVS, queue, Jira): a real `Response` — status, headers, `instanceof`, and a body
 * that reads once — whose body is kept as text until something asks for it as a stream. The SDKs read these answers
 * with `text()` or `json()` only; a body made into a web stream up front, then read back out of it, cost more than
 * the call it answered. Anything else (`body`, `clone()`, `blob()`…) gets a real body made from the same text.
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return textAnswer(status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

/** A body method's promise: whatever `read` throws is a rejection, as a real body's refusals are. */
function settle<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(read());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export function textAnswer(status: number, text: string, headers: Record<string, string>): Response {
  const init = { status, headers };
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
