import { invoke } from '@forge/bridge';
import type { z } from 'zod';
import { appStatusAnswer, projectSummaryAnswer, resolverFailure, type ResolverContract, type ResolverKey } from '../../src/contract/resolvers';
import { ApiError, clientErrorCodes } from './api-error';

export type ResolverPayload<K extends ResolverKey> = ResolverContract[K]['payload'];
export type ResolverAnswer<K extends ResolverKey> = ResolverContract[K]['answer'];

/** The schema each resolver's success answer must match. */
const answerSchemas: { [K in ResolverKey]: z.ZodType<ResolverAnswer<K>> } = {
  'app/status': appStatusAnswer,
  'project/summary': projectSummaryAnswer,
};

/**
 * Calls a resolver through the Forge bridge. Resolves with the validated answer;
 * rejects with an ApiError when the resolver answers `{ error }`, the bridge fails,
 * or the answer does not match the contract.
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
    throw new ApiError(failure.data.error.code, failure.data.error.message);
  }

  const answer = answerSchemas[key].safeParse(raw);
  if (!answer.success) {
    const first = answer.error.issues[0];
    const where = first ? ` at "${first.path.join('.')}": ${first.message}` : '';
    throw new ApiError(clientErrorCodes.invalidAnswer, `Unexpected answer from ${key}${where}`);
  }
  return answer.data;
}
