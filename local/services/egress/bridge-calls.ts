import type { CustomerEgress, EgressGroup, SetMode } from './customer-egress';
import {
  egressDeleteDomainPayload,
  egressDeleteGroupPayload,
  egressGetPayload,
  EgressRequestError,
  egressSetPayload,
  parseOr400,
} from './egress-request';

/**
 * The sandbox's stand-in for Atlassian's consent dialog, which an admin sees on each `set` and delete: it approves
 * by default; a test sets `'decline'` to see what the app does when the admin says no (the promise rejects).
 */
export interface EgressBridgeOptions {
  consent: 'approve' | 'decline';
  setMode: SetMode;
}

export interface EgressCaller {
  isJiraAdmin: boolean;
  /** `permissions.external.configurable.enabled` in the manifest. */
  configurable: boolean;
}

/** The bridge calls of `permissions.egress` (@forge/bridge 7 names them `__permission__egress…`). */
export const EGRESS_BRIDGE_CALLS = [
  '__permission__egressGet',
  '__permission__egressSet',
  '__permission__egressDeleteDomain',
  '__permission__egressDeleteGroup',
];

/**
 * Answers one call as the platform does (docs/forge-platform.md, "Egress"): nothing works unless the manifest
 * enables customer-managed egress; anyone may read; only a Jira admin may change, after consenting.
 */
export function answerEgressCall(
  customer: CustomerEgress,
  options: EgressBridgeOptions,
  caller: EgressCaller,
  name: string,
  payload: unknown,
): unknown {
  if (!caller.configurable)
    throw new EgressRequestError(403, 'Customer-managed egress is not enabled: manifest.yml needs permissions.external.configurable.enabled: true');
  if (name === '__permission__egressGet') return page(customer, parseOr400(egressGetPayload, payload, 'egress.get request'));
  if (!caller.isJiraAdmin) throw new EgressRequestError(403, "Only a Jira admin can change the app's egress");
  if (name === '__permission__egressSet') {
    const request = parseOr400(egressSetPayload, payload, 'egress.set request');
    consent(options);
    return { results: customer.set(request, options.setMode) };
  }
  if (name === '__permission__egressDeleteDomain') {
    const request = parseOr400(egressDeleteDomainPayload, payload, 'egress.deleteDomain request');
    consent(options);
    customer.deleteDomain(request.key, request.domain, request.type);
    return undefined;
  }
  const request = parseOr400(egressDeleteGroupPayload, payload, 'egress.deleteGroup request');
  consent(options);
  customer.deleteGroup(request.key);
  return undefined;
}

function consent(options: EgressBridgeOptions): void {
  // What the promise rejects with is not documented; the sandbox names the refusal.
  if (options.consent === 'decline') throw new EgressRequestError(403, 'The admin declined the egress change in the consent dialog');
}

/** `get`: groups in key order; with `pageSize`, one page and `lastEvaluatedKey` while more remain. */
function page(
  customer: CustomerEgress,
  request: { keys?: string[] | undefined; pageSize?: number | undefined; nextPageToken?: string | undefined },
): { results: EgressGroup[]; lastEvaluatedKey?: string } {
  const after = request.nextPageToken;
  const all = customer.groups(request.keys).filter((g) => after === undefined || g.key > after);
  if (request.pageSize === undefined || all.length <= request.pageSize) return { results: all };
  const results = all.slice(0, request.pageSize);
  return { results, lastEvaluatedKey: results[results.length - 1]?.key ?? '' };
}
