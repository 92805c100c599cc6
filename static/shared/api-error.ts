/** A failure the page can show as it is: a machine-readable code and a human message. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
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
