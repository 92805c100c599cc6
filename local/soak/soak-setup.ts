import { createHost } from '../host';
import type { Host, HostOptions } from '../host';
import { DEMO_USERS } from '../services/jira';
import { startSandboxServer } from '../server/sandbox-server';
import type { SandboxServer } from '../server/sandbox-server';

export const SOAK_RECEIVER_HOST = 'soak.receiver.test';
export const SOAK_PATHS = ['/hooks/a', '/hooks/b', '/hooks/c'] as const;

export interface SoakSite {
  host: Host;
  server: SandboxServer;
  apiKey: string;
  /** The webhooks' ids, by receiver path. */
  webhookOf: Map<string, string>;
}

const admin = { moduleKey: 'projectrak-admin', accountId: DEMO_USERS.admin.accountId, extension: {} };

async function asAdmin(host: Host, key: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = (await host.ui.invoke(admin, key, payload)) as Record<string, unknown>;
  if ('error' in answer) throw new Error(`${key} refused: ${JSON.stringify(answer.error)}`);
  return answer;
}

/**
 * The app on the local host, served over HTTP, set up as an admin would: a number field, egress to the soak receiver
 * approved, three webhooks pointing at it (the second keeping strict order), and an API key for the REST API.
 */
export async function startSoakSite(
  options: Pick<HostOptions, 'appDir' | 'dataDir'> & Partial<HostOptions>,
  receiverPort: number,
): Promise<SoakSite> {
  const host = await createHost({ reset: true, appLog: () => undefined, ...options });
  await host.idle();
  const server = await startSandboxServer(host, { port: 0, loopbackReceivers: [{ hostname: SOAK_RECEIVER_HOST, port: receiverPort }] });
  host.ui.bridge(admin, '__permission__egressSet', {
    egresses: [
      { key: 'webhooks', description: 'Webhook receivers', configured: [{ domain: `https://${SOAK_RECEIVER_HOST}`, type: ['FETCH_BACKEND_SIDE'] }] },
    ],
  });
  await asAdmin(host, 'fields/create', { name: 'Budget', type: 'number' });
  const webhookOf = new Map<string, string>();
  for (const [i, path] of SOAK_PATHS.entries()) {
    const created = await asAdmin(host, 'webhooks/create', {
      name: `Soak ${i + 1}`,
      url: `https://${SOAK_RECEIVER_HOST}${path}`,
      strictOrder: i === 1,
    });
    webhookOf.set(path, (created.webhook as { id: string }).id);
  }
  const apiKey = String((await asAdmin(host, 'apikeys/create', { name: 'soak' })).secret);
  await host.idle();
  return { host, server, apiKey, webhookOf };
}
