import { kvs, WhereConditions } from '@forge/kvs';

/** Every entry under a key prefix, following the cursor 100 at a time (Forge's page limit). */
export async function queryAll(prefix: string): Promise<{ key: string; value: unknown }[]> {
  const results: { key: string; value: unknown }[] = [];
  let cursor: string | undefined;
  do {
    const query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    const page = await (cursor ? query.cursor(cursor) : query).getMany<unknown>();
    results.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return results;
}
