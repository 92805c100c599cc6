import type Resolver from '@forge/resolver';
import { RESOLVERS } from '../contract/resolvers';
import type { ResolverAnswer, ResolverFailure, ResolverKey } from '../contract/resolvers';
import { AppError, parseOrRefuse } from '../errors';
import { asAppError } from '../storage/kvs-errors';

export interface Caller {
  accountId: string;
  context: Record<string, unknown>;
}

type Payload<K extends ResolverKey> = ReturnType<(typeof RESOLVERS)[K]['payload']['parse']>;

/**
 * Defines one resolver of the contract: parses its payload with the contract's schema (refusing with the
 * field and reason), runs it, and maps the app's own errors to the `{ error }` answer. Anything unexpected is
 * logged and rethrown for the platform to record.
 */
export function define<K extends ResolverKey>(
  resolver: Resolver,
  key: K,
  handler: (payload: Payload<K>, caller: Caller) => Promise<ResolverAnswer<K>>,
): void {
  resolver.define(key, async ({ payload, context }): Promise<ResolverAnswer<K> | ResolverFailure> => {
    try {
      const parsed = parseOrRefuse(RESOLVERS[key].payload, payload ?? {}, 'payload') as Payload<K>;
      const accountId = typeof context.accountId === 'string' ? context.accountId : '';
      if (!accountId) throw new AppError('UNAUTHORIZED', 'This action needs a signed-in user');
      return await handler(parsed, { accountId, context });
    } catch (error) {
      const known = asAppError(error);
      if (known) return { error: known.toJSON() };
      console.error(`resolver ${key} failed`, error);
      throw error;
    }
  });
}
