import type { Host } from '../../../local/host';
import type { ConditionFailure } from '../../../local/services/kvs';

/**
 * Answers a host may give a failed KVS condition (a transaction condition, FAIL_IF_EXISTS on an existing key). Forge
 * documents no status or code for either (docs/forge-platform.md, "KVS and custom entities"), so the app must work
 * whichever it gets: the host's default, a 400 that reads like another refusal, a 500 that reads like an outage.
 */
export const CONDITION_ANSWERS: ConditionFailure[] = [
  { status: 409, code: 'CONDITIONAL_CHECK_FAILED' },
  { status: 400, code: 'TRANSACTION_CANCELLED' },
  { status: 500, code: 'SOMETHING_ELSE', message: 'Something went wrong' },
];

/**
 * Counts the KVS answers carrying `answer` from now on: proof that a test did reach a failed condition. It watches
 * the host's own KVS service (the one every SDK call of the app goes to) and changes nothing it answers.
 */
export function watchConditionFailures(host: Host, answer: ConditionFailure): { seen: () => Promise<number> } {
  const codes: Promise<string | undefined>[] = [];
  const handle = host.kvs.handle.bind(host.kvs);
  host.kvs.handle = (path, body, requestBytes) => {
    const result = handle(path, body, requestBytes);
    if (result.response.status === answer.status) {
      codes.push(
        result.response
          .clone()
          .json()
          .then((json: unknown) => (json as { code?: string }).code),
      );
    }
    return result;
  };
  return { seen: async () => (await Promise.all(codes)).filter((code) => code === answer.code).length };
}
