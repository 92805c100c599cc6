import { AsyncLocalStorage } from 'node:async_hooks';
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import { promisify } from 'node:util';

/**
 * What `node:dns` lookups answer inside an invocation for the sandbox's own names (the demo receiver, and names a
 * test adds): a test can make a name saved earlier resolve to a private address later. Other names, and every
 * lookup outside an invocation, go to the system's resolver as usual.
 *
 * The proxy's own connections never use the table: how Forge's proxy resolves names is its own business, and what a
 * function's lookup answers need not be where it connects (docs/forge-platform.md, "Egress"). So `fetch` reaches the
 * same server whatever the app's lookup answered.
 */
export class DnsTable {
  private readonly names = new Map<string, string[]>();

  /** `addresses` empty: the name does not resolve (ENOTFOUND). */
  resolveAs(name: string, addresses: readonly string[]): void {
    const bad = addresses.find((a) => isIP(a) === 0);
    if (bad !== undefined) throw new Error(`resolveAs(${name}): '${bad}' is not an IP address`);
    this.names.set(normalize(name), [...addresses]);
  }

  forget(name: string): void {
    this.names.delete(normalize(name));
  }

  answer(name: string): string[] | undefined {
    return this.names.get(normalize(name));
  }
}

const normalize = (name: string): string => name.toLowerCase().replace(/\.$/, '');

/** Lookups made by the proxy itself (the host's network calls on the app's behalf) skip the table. */
const proxyScope = new AsyncLocalStorage<true>();
export const asProxy = <T>(fn: () => Promise<T>): Promise<T> => proxyScope.run(true, fn);

let tableOfCaller: () => DnsTable | undefined = () => undefined;

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
}

type Family = 0 | 4 | 6;
function familyOf(options: unknown): { family: Family; all: boolean } {
  if (typeof options === 'number') return { family: options === 4 || options === 6 ? options : 0, all: false };
  const o = (options ?? {}) as LookupOptions & { family?: number | string };
  const family = o.family === 4 || o.family === 'IPv4' ? 4 : o.family === 6 || o.family === 'IPv6' ? 6 : 0;
  return { family, all: o.all === true };
}

/** The table's answer for one lookup, shaped as dns.lookup's; undefined when the table does not know the name. */
function fromTable(hostname: string, options: unknown): { error?: NodeJS.ErrnoException; addresses?: LookupAddress[]; all: boolean } | undefined {
  if (proxyScope.getStore()) return undefined;
  const listed = tableOfCaller()?.answer(hostname);
  if (listed === undefined) return undefined;
  const { family, all } = familyOf(options);
  const addresses = listed.map((address) => ({ address, family: isIP(address) })).filter((a) => family === 0 || a.family === family);
  return addresses.length === 0 ? { error: notFound(hostname), all } : { addresses, all };
}

let installed = false;

/**
 * Replaces `dns.lookup` and `dns.promises.lookup` (the same object as `node:dns/promises`) once per process.
 * An app bundled by esbuild as CommonJS `require`s the builtin and reads the property when it calls it, so the
 * replacement reaches its calls whether it imports `node:dns`, `dns` or `node:dns/promises`.
 */
export function installDnsTable(tableOf: () => DnsTable | undefined): void {
  tableOfCaller = tableOf;
  if (installed) return;
  installed = true;
  const original = dns.lookup.bind(dns);
  const originalPromise = dns.promises.lookup.bind(dns.promises);
  const lookup = (hostname: string, ...rest: unknown[]): void => {
    const callback = rest.pop() as (error: Error | null, address?: string | LookupAddress[], family?: number) => void;
    const answer = fromTable(hostname, rest[0]);
    if (!answer) return void (original as (...args: unknown[]) => void)(hostname, ...rest, callback);
    process.nextTick(() => {
      if (answer.error) return callback(answer.error);
      const addresses = answer.addresses ?? [];
      if (answer.all) return callback(null, addresses);
      callback(null, addresses[0]?.address, addresses[0]?.family);
    });
  };
  const promiseLookup = (hostname: string, options?: unknown): Promise<LookupAddress | LookupAddress[]> => {
    const answer = fromTable(hostname, options);
    if (!answer) return (originalPromise as (h: string, o?: unknown) => Promise<LookupAddress | LookupAddress[]>)(hostname, options);
    if (answer.error) return Promise.reject(answer.error);
    const addresses = answer.addresses ?? [];
    return Promise.resolve(answer.all ? addresses : (addresses[0] as LookupAddress));
  };
  // util.promisify(dns.lookup) answers `{ address, family }`, as for the original.
  Object.defineProperty(lookup, promisify.custom, { value: promiseLookup });
  (dns as { lookup: unknown }).lookup = lookup;
  (dns.promises as { lookup: unknown }).lookup = promiseLookup;
  syncBuiltinESMExports();
}
