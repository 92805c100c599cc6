import { invoke } from '@forge/bridge';
import { RESOLVERS, resolverFailure, type ResolverAnswer, type ResolverKey, type ResolverPayload } from '../../src/contract/resolvers';
import { ApiError, clientErrorCodes } from './api-error';

export type { ResolverAnswer, ResolverKey, ResolverPayload };

/**
 * Calls a resolver through the Forge bridge. Resolves with the answer, checked against
 * `RESOLVERS[key].answer`; rejects with an ApiError when the resolver answers `{ error }`
 * (keeping its `fields`), the bridge fails, or the answer does not match the contract.
 */
export async function call<K extends ResolverKey>(key: K, payload: ResolverPayload<K>): Promise<ResolverAnswer<K>> {
  let raw: unknown;
  try {
    raw = await invoke(key, payload);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    throw new ApiError(clientErrorCodes.bridge, `Could not reach the app (${key}): ${detail}`);
  }

  const failure = resolverFailure.safeParse(raw);
  if (failure.success) {
    const { code, message, fields = [] } = failure.data.error;
    throw new ApiError(code, message, fields);
  }

  const answer = RESOLVERS[key].answer.safeParse(raw);
  if (!answer.success) {
    const first = answer.error.issues[0];
    const where = first ? ` at "${first.path.join('.')}": ${first.message}` : '';
    throw new ApiError(clientErrorCodes.invalidAnswer, `Unexpected answer from ${key}${where}`);
  }
  // Indexing RESOLVERS with a generic key widens the schema to the union of all answers.
  return answer.data as ResolverAnswer<K>;
}
