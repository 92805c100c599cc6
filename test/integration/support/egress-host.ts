import http from 'node:http';
import path from 'node:path';
import type { Host } from '../../../local/host';
import { DEMO_USERS } from '../../../local/services/jira';
import { startSandboxServer } from '../../../local/server/sandbox-server';
import type { SandboxServer, SandboxServerOptions } from '../../../local/server/sandbox-server';
import { startHost } from './fixture-host';

export const EGRESS_APP = path.resolve(__dirname, '../../fixtures/egress-app');
export const admin = DEMO_USERS.admin.accountId;
export const member = DEMO_USERS.member.accountId;

/** The egress probe app on a fresh host, served over HTTP (which also starts the demo receiver). */
export async function startEgressSandbox(
  options: Partial<SandboxServerOptions> = {},
): Promise<{ host: Host; server: SandboxServer; close(): Promise<void> }> {
  const host = await startHost({ appDir: EGRESS_APP });
  const server = await startSandboxServer(host, { port: 0, ...options });
  return {
    host,
    server,
    async close() {
      await server.close();
      await host.close();
    },
  };
}

/** Calls a resolver of the probe's admin page, as the bridge would. */
export async function probe<T = Record<string, unknown>>(
  host: Host,
  key: string,
  payload: Record<string, unknown> = {},
  accountId = admin,
): Promise<T> {
  return (await host.ui.invoke({ moduleKey: 'egress-admin', accountId, extension: {} }, key, payload)) as T;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

/** A request exactly as written (header casing, repeated headers, any Host), which fetch would not send. */
export function rawRequest(
  url: string,
  options: { method?: string; path?: string; headers?: [string, string][]; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  const target = new URL(url);
  const given = options.headers ?? [];
  // With headers given as a list, Node adds no Host of its own.
  const flat = (given.some(([name]) => name.toLowerCase() === 'host') ? given : [['Host', target.host] as [string, string], ...given]).flat();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? `${target.pathname}${target.search}`,
        headers: flat,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
