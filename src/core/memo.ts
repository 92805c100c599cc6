/**
 * `make` remembered by key, for up to `max` keys (then forgotten all at once): for what a worker computes again and
 * again from the same few inputs, such as a webhook URL's verdict or a secret's signer. `make` must depend on the key
 * alone.
 */
export function memoByKey<K, V>(max: number, make: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = make(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
