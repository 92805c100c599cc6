import { createHost } from '../../../local/host';
import { addTestFields, callAs, DEMO_USERS } from './app-host';
import { PROJECT_ROOT, testHostDefaults } from './fixture-host';
import { approveEgress, createWebhook } from './webhook-host';

export interface PreparedFolder {
  apiKey: string;
  hooks: { id: string; path: string }[];
}

/**
 * Sets a data folder up as an admin would (the app installed, the test fields, egress to the receiver approved,
 * three webhooks, an API key), with the host in this process; it is then closed, releasing the folder to a sandbox.
 */
export async function prepareDataFolder(dataDir: string, receiverHost: string, paths: readonly string[]): Promise<PreparedFolder> {
  const host = await createHost({ appDir: PROJECT_ROOT, dataDir, appLog: () => undefined, ...testHostDefaults() });
  try {
    await host.idle();
    approveEgress(host, receiverHost);
    await addTestFields(host);
    const hooks: PreparedFolder['hooks'] = [];
    for (const [i, path] of paths.entries()) {
      const { webhook } = await createWebhook(host, { name: `Crash ${i}`, url: `https://${receiverHost}${path}`, strictOrder: i === 1 });
      hooks.push({ id: webhook.id, path });
    }
    const apiKey = String((await callAs(host, DEMO_USERS.admin.accountId, 'apikeys/create', { name: 'crash' })).secret);
    return { apiKey, hooks };
  } finally {
    await host.close();
  }
}
