import { parse } from '@humanwhocodes/momoa';
import type { ValueNode } from '@humanwhocodes/momoa';

export type JsonVerdict = { ok: true; value: unknown } | { ok: false; where: string; message: string };

/**
 * Parses a request body as strict JSON and refuses a key given twice in one object: `JSON.parse` would silently keep
 * the last one, so `{"Status": 1, "Status": 2}` would write a value the caller may not have meant. The refusal names
 * where the duplicate is ("updates.0.values.Status").
 */
export function parseJson(text: string): JsonVerdict {
  let document;
  try {
    document = parse(text, { mode: 'json' });
  } catch (error) {
    return { ok: false, where: 'body', message: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const duplicate = findDuplicateKey(document.body, []);
  if (duplicate) return { ok: false, where: duplicate.join('.'), message: 'is given more than once' };
  return { ok: true, value: JSON.parse(text) as unknown };
}

function findDuplicateKey(node: ValueNode, path: string[]): string[] | undefined {
  if (node.type === 'Array') {
    for (const [index, element] of node.elements.entries()) {
      const found = findDuplicateKey(element.value, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (node.type !== 'Object') return undefined;
  const seen = new Set<string>();
  for (const member of node.members) {
    const name = member.name.type === 'String' ? member.name.value : member.name.name;
    if (seen.has(name)) return [...path, name];
    seen.add(name);
    const found = findDuplicateKey(member.value, [...path, name]);
    if (found) return found;
  }
  return undefined;
}
