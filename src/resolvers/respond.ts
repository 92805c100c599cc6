import { AppError } from '../errors';
import type { ResolverFailure } from '../contract/resolvers';

/**
 * Runs a resolver and maps the app's own errors to the contract's `{ error }` answer, so the page
 * can show the message. Anything unexpected is logged and rethrown for the platform to record.
 */
export async function respond<T>(work: () => Promise<T>): Promise<T | ResolverFailure> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return { error: { code: error.code, message: error.message } };
    console.error('resolver failed', error);
    throw error;
  }
}
