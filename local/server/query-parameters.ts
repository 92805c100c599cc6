/** Decodes one query component as a form does (`+` is a space); a malformed escape is kept as it was sent. */
function decodeComponent(raw: string): string {
  return new URLSearchParams(`v=${raw}`).get('v') ?? '';
}

/**
 * `queryParameters` as Forge gives them to a web trigger: each name with its values, repeated names adding to
 * the list and each value split on commas (`apples=green,red` → `["green", "red"]`; docs/forge-platform.md,
 * "Web triggers"). Whether Forge splits an encoded comma (`%2C`) too is not documented: by default the host
 * splits only commas sent as such, and `splitEncodedCommas` makes it split both.
 */
export function queryParameters(search: string, options: { splitEncodedCommas?: boolean } = {}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return out;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeComponent(at === -1 ? pair : pair.slice(0, at));
    const rawValue = at === -1 ? '' : pair.slice(at + 1);
    const values = options.splitEncodedCommas ? decodeComponent(rawValue).split(',') : rawValue.split(',').map(decodeComponent);
    out[name] = [...(out[name] ?? []), ...values];
  }
  return out;
}
