/**
 * The offline sandbox's own demo receivers live on loopback, which the URL policy refuses to resolve to. Only the
 * sandbox sets this Forge environment variable (a comma-separated list of host names); on a real site it is unset,
 * so no host is exempt. A webhook pointing at one is labelled "sandbox receiver" on the admin page.
 */
export const SANDBOX_RECEIVERS_VARIABLE = 'PROJECTRAK_SANDBOX_RECEIVERS';

let parsed: { from: string; hosts: Set<string> } = { from: '', hosts: new Set() };

export function isSandboxReceiver(host: string): boolean {
  const variable = process.env[SANDBOX_RECEIVERS_VARIABLE] ?? '';
  if (parsed.from !== variable) {
    const hosts = variable
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    parsed = { from: variable, hosts: new Set(hosts) };
  }
  return parsed.hosts.has(host.toLowerCase());
}
