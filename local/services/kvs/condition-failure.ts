import { z } from 'zod';
import { KvsError } from './errors';

/*
 * Forge documents that a transaction whose condition fails fails whole, and that `keyPolicy: 'FAIL_IF_EXISTS'`
 * refuses an existing key, but names no status or code for either (docs/forge-platform.md, "KVS and custom
 * entities"). By default the host answers 409 CONDITIONAL_CHECK_FAILED and 409 KEY_ALREADY_EXISTS (its own
 * names); `conditionFailure` makes both answer with any other status and code, so tests can prove an app does
 * not depend on them.
 */
export const conditionFailureOption = z.object({
  status: z.number().int().min(400).max(599),
  code: z.string().min(1),
  message: z.string().min(1).optional(),
});
export type ConditionFailure = z.infer<typeof conditionFailureOption>;

export interface ConditionFailures {
  conditionNotMet(key: string): KvsError;
  keyExists(key: string): KvsError;
}

export function conditionFailures(option: ConditionFailure | undefined): ConditionFailures {
  const parsed = option === undefined ? undefined : conditionFailureOption.safeParse(option);
  if (parsed !== undefined && !parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`conditionFailure.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'} (a status of 400-599 and a code are needed)`);
  }
  const chosen = parsed?.data;
  const answer = (status: number, code: string, message: string) =>
    chosen === undefined ? new KvsError(status, code, message) : new KvsError(chosen.status, chosen.code, chosen.message ?? message);
  return {
    conditionNotMet: (key) => answer(409, 'CONDITIONAL_CHECK_FAILED', `Transaction cancelled: the conditions on key "${key}" were not met`),
    keyExists: (key) => answer(409, 'KEY_ALREADY_EXISTS', `Key already exists and keyPolicy is FAIL_IF_EXISTS: ${key}`),
  };
}
