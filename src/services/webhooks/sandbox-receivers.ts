import { memoByKey } from '../../core/memo';

/**
 * The offline sandbox's own demo receivers live on loopback, which the URL policy refuses to resolve to. Only the
 * sandbox sets this Forge environment variable (a comma-separated list of host names); on a real site it is unset,
 * so no host is exempt. A webhook pointing at one is labelled "sandbox receiver" on the admin page.
 */
export const SANDBOX_RECEIVERS_VARIABLE = 'PROJECTRAK_SANDBOX_RECEIVERS';

/** The variable's host names, parsed once per value it takes. */
const hostsOf = memoByKey(
  4,
  (variable: string) =>
    new Set(
      variable
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
);

export function isSandboxReceiver(host: string): boolean {
  return hostsOf(process.env[SANDBOX_RECEIVERS_VARIABLE] ?? '').has(host.toLowerCase());
}
