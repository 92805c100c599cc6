import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost } from '../host';
import type { Host, HostOptions } from '../host';
import { RECEIVER_HOST } from '../server/receiver';
import { webTriggerPath } from '../server/webtrigger-route';
import { DEMO_USERS } from '../services/jira';
import { startBenchReceiver } from './bench-receiver';
import type { BenchReceiver } from './bench-receiver';
import { CostTally } from './cost-tally';

/** The demo site's projects (local/services/jira/seed.ts): an import call changes each once. */
export const PROJECTS = ['DEMO', 'MKT', 'OPS', 'HR'] as const;
const ADMIN = DEMO_USERS.admin.accountId;
const ADMIN_PAGE = { moduleKey: 'projectrak-admin', accountId: ADMIN, extension: {} };

export interface BenchSite {
  host: Host;
  /** When the host started its schedules (the maintenance runs every 5 minutes from then). */
  startedAt: number;
  receiver: BenchReceiver;
  tally: CostTally;
  webhookIds: string[];
  secrets: string[];
  /** Sets a field on the given projects in one REST API call, as an importer would; resolves with the HTTP status. */
  importValues(projects: readonly string[], value: number): Promise<number>;
  adminCall(key: string, payload?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A fresh host running the app, its egress approved for the receiver's domain, `webhooks` webhooks pointing at the
 * bench receiver, and an API key for the REST API. The app's logs are dropped (they would dominate the time).
 */
export async function startBenchSite(options: Partial<HostOptions> & { webhooks: number; strictOrder?: boolean }): Promise<BenchSite> {
  const { webhooks, strictOrder, ...hostOptions } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const host = await createHost({ appDir: process.cwd(), dataDir, appLog: () => undefined, ...hostOptions });
  const startedAt = Date.now();
  await host.idle();
  const receiver = await startBenchReceiver();
  // As the sandbox server does for its demo receiver (local/server/sandbox-server.ts).
  host.egress.forwardToLoopback(RECEIVER_HOST, receiver.port);
  process.env.PROJECTRAK_SANDBOX_RECEIVERS = RECEIVER_HOST;
  host.ui.bridge(ADMIN_PAGE, '__permission__egressSet', {
    egresses: [
      { key: 'webhooks', description: 'Bench receiver', configured: [{ domain: `https://${RECEIVER_HOST}`, type: ['FETCH_BACKEND_SIDE'] }] },
    ],
  });
  const adminCall = async (key: string, payload: Record<string, unknown> = {}) =>
    (await host.ui.invoke(ADMIN_PAGE, key, payload)) as Record<string, unknown>;
  const webhookIds: string[] = [];
  const secrets: string[] = [];
  for (let i = 0; i < webhooks; i++) {
    const answer = await adminCall('webhooks/create', {
      name: `Bench ${i}`,
      url: `https://${RECEIVER_HOST}/bench/${i}`,
      strictOrder: strictOrder ?? false,
    });
    if ('error' in answer) throw new Error(`webhooks/create refused: ${JSON.stringify(answer.error)}`);
    webhookIds.push(String((answer.webhook as { id: string }).id));
    secrets.push(String(answer.secret));
  }
  const apiKey = String((await adminCall('apikeys/create', { name: 'bench' })).secret);
  const restPath = webTriggerPath(host, 'rest-api') ?? '';
  const tally = new CostTally(host);
  return {
    host,
    startedAt,
    receiver,
    tally,
    webhookIds,
    secrets,
    adminCall,
    async importValues(projects, value) {
      const answer = await host.triggers.web('rest-api', {
        method: 'POST',
        path: restPath,
        userPath: '',
        headers: { Authorization: [`Bearer ${apiKey}`], 'Content-Type': ['application/json'] },
        queryParameters: {},
        body: JSON.stringify({ updates: projects.map((project) => ({ project, values: { 'Estimated time': value * 60_000 } })) }),
      });
      return answer?.statusCode ?? 0;
    },
    async close() {
      tally.stop();
      await receiver.close();
      await host.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
