import type { ResolverKey } from '../../src/contract/resolvers';
import { call, type ResolverAnswer, type ResolverPayload } from './api';
import { useAsync, type AsyncResult } from './use-async';

/**
 * Calls a resolver on mount and whenever `key` or the payload's content changes.
 * The payload is compared by its JSON, so an inline object literal is fine.
 */
export function useResolver<K extends ResolverKey>(key: K, payload: ResolverPayload<K>): AsyncResult<ResolverAnswer<K>> {
  const payloadJson = JSON.stringify(payload);
  return useAsync(() => call(key, payload), [key, payloadJson]);
}
