import type { FieldError } from '../../src/contract/fields';

/** A failure the page can show as it is: a machine-readable code, a human message, and any refused fields. */
export class ApiError extends Error {
  readonly code: string;
  /** One entry per refused value (`field` is a field id or name); empty when the failure is not about fields. */
  readonly fields: readonly FieldError[];

  constructor(code: string, message: string, fields: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
}

/** Codes raised by the client itself (resolvers use their own, e.g. `FORBIDDEN`). */
export const clientErrorCodes = {
  bridge: 'BRIDGE_ERROR',
  invalidAnswer: 'INVALID_ANSWER',
  unexpected: 'UNEXPECTED_ERROR',
} as const;

/** Turns anything thrown into an ApiError, keeping ApiErrors unchanged. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new ApiError(clientErrorCodes.unexpected, message || 'Something went wrong.');
}
