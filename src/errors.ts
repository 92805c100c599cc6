import type { z } from 'zod';
import type { FieldError } from './contract/fields';

export type AppErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_INPUT' | 'UNAUTHORIZED' | 'CONFLICT' | 'TOO_LARGE';

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
}

export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);
export const notFound = (message: string): AppError => new AppError('NOT_FOUND', message);
export const invalidFields = (fields: FieldError[]): AppError =>
  new AppError('INVALID_INPUT', fields.length === 1 ? (fields[0]?.message ?? 'Invalid value') : `${fields.length} values were refused`, { fields });

/** A zod refusal of a request body as field errors, each naming where it is ("values", "updates.0.project"). */
export function issuesAsFieldErrors(error: z.ZodError, whole: string): FieldError[] {
  return error.issues.map((issue) => {
    const where = issue.path.join('.') || whole;
    return { field: where, code: 'INVALID_INPUT', message: `${where}: ${issue.message}` };
  });
}
