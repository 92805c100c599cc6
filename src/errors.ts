import type { z } from 'zod';
import type { FieldError } from './contract/fields';

/**
 * Every code the app answers with, at every edge: the REST API's `error.code`, a resolver's `{ error: { code } }`.
 * Refusals of single values carry their own, finer codes in `fields[]` (INVALID_DATE, UNKNOWN_OPTION…; see
 * docs/rest-api.md).
 */
export const APP_ERROR_STATUS = {
  INVALID_INPUT: 400,
  INVALID_JSON: 400,
  DUPLICATE_PROJECT: 400,
  TOO_LARGE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_PROJECT: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** The one error the app raises on purpose: a stable code, a message safe to show, the internal cause apart. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown; fields?: FieldError[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.fields = options?.fields;
  }

  /** For INVALID_INPUT: each refused value with its field and reason. */
  readonly fields: FieldError[] | undefined;

  /** What an edge answers with: code, message and the refused values, never the cause. */
  toJSON(): { code: AppErrorCode; message: string; fields?: FieldError[] } {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);
export const notFound = (message: string): AppError => new AppError('NOT_FOUND', message);

/** Refused values as one error; its message is the refusal itself when there is one, else a count. */
export const invalidFields = (fields: FieldError[], many = `${fields.length} values were refused`): AppError =>
  new AppError('INVALID_INPUT', fields.length === 1 ? (fields[0]?.message ?? 'Invalid value') : many, { fields });

/** A zod refusal of a request body as field errors, each naming where it is ("values", "updates.0.project"). */
function issuesAsFieldErrors(error: z.ZodError, whole: string): FieldError[] {
  return error.issues.map((issue) => {
    const where = issue.path.join('.') || whole;
    return { field: where, code: 'INVALID_INPUT', message: `${where}: ${issue.message}` };
  });
}

/** Parses with a zod schema, or throws INVALID_INPUT naming each refused part. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown, whole: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = issuesAsFieldErrors(parsed.error, whole);
  throw invalidFields(fields, fields[0]?.message);
}
