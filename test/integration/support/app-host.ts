import { createHost } from '../../../local/host';
import type { Host, HostOptions } from '../../../local/host';
import { DEMO_USERS } from '../../../local/services/jira';
import { startSandboxServer } from '../../../local/server/sandbox-server';
import type { SandboxServer } from '../../../local/server/sandbox-server';
import type { ResolverKey } from '../../../src/contract/resolvers';
import { storedEvent } from '../../../src/storage/event-store';
import type { StoredEvent } from '../../../src/storage/event-store';
import { EXTRA_FIELDS } from '../../support/catalogue';
import { PROJECT_ROOT, TEST_LATENCY_MS, TEST_QUERY_LAG_MS, tempDir, testHostDefaults } from './fixture-host';

export { DEMO_USERS };
export { TEST_LATENCY_MS } from './fixture-host';

/**
 * The real app on the local host, installed (predefined fields, project snapshots) and served over HTTP, with
 * Forge's platform latency on (every KVS, Jira and queue call takes 1–15 ms), so concurrent invocations interleave
 * as they do on Forge, and its queries up to 300 ms behind, as Forge's eventually consistent queries may be. The app's logs are kept out of the test output; pass `appLog` to read them.
 */
export async function startAppHost(overrides: Partial<HostOptions> = {}): Promise<{ host: Host; server: SandboxServer }> {
  const host = await createHost({
    appDir: PROJECT_ROOT,
    dataDir: tempDir(),
    appLog: () => undefined,
    platformLatencyMs: TEST_LATENCY_MS,
    queryLagMs: TEST_QUERY_LAG_MS,
    ...testHostDefaults(),
    ...overrides,
  });
  await host.idle();
  const server = await startSandboxServer(host, { port: 0 });
  return { host, server };
}

/** Stops what startAppHost started: the HTTP server first, then the host. */
export async function stopAppHost(site: { host: Host; server: SandboxServer }): Promise<void> {
  await site.server.close();
  await site.host.close();
}

/** Calls a resolver as a user, the way the bridge does: on the project page for `projectId`, else the admin page. */
export async function callAs(
  host: Host,
  accountId: string,
  key: ResolverKey,
  payload: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const projectId = typeof payload.projectId === 'string' ? payload.projectId : undefined;
  const caller = projectId
    ? { moduleKey: 'projectrak-project', accountId, extension: { project: { id: projectId } } }
    : { moduleKey: 'projectrak-admin', accountId, extension: {} };
  const answer = await host.ui.invoke(caller, key, payload);
  await host.idle();
  return answer as Record<string, unknown>;
}

/** Adds the test fields (ids 1011–1016) and disables Phase's "Launch" option, as the Jira admin. */
export async function addTestFields(host: Host): Promise<void> {
  for (const field of EXTRA_FIELDS)
    await callAs(host, DEMO_USERS.admin.accountId, 'fields/create', { ...field, options: 'options' in field ? [...field.options] : undefined });
  await callAs(host, DEMO_USERS.admin.accountId, 'fields/update', {
    id: 1013,
    options: [
      { id: 11, name: 'Discovery', disabled: false },
      { id: 12, name: 'Build', disabled: false },
      { id: 13, name: 'Launch', disabled: true },
    ],
  });
}

/** Reads the platform's KVS directly (the host is the platform): every entry under a prefix. */
export async function readKvs(host: Host, prefix: string): Promise<{ key: string; value: unknown }[]> {
  const entries: { key: string; value: unknown }[] = [];
  let after: string | undefined;
  do {
    const { response } = host.kvs.inspect('/api/v1/query', {
      limit: 100,
      ...(after ? { after } : {}),
      where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }],
    });
    const page = (await response.json()) as { data: { key: string; value: unknown }[]; cursor?: string };
    entries.push(...page.data);
    after = page.cursor;
  } while (after);
  return entries;
}

/** Every item of a custom entity, in key order (the platform's view: the host is the platform). */
export async function readEntities(host: Host, entityName: string): Promise<{ key: string; value: Record<string, unknown> }[]> {
  const items: { key: string; value: Record<string, unknown> }[] = [];
  let cursor: string | undefined;
  do {
    const { response } = host.kvs.inspect('/api/v1/entity/query', { entityName, indexName: 'by-key', limit: 100, ...(cursor ? { cursor } : {}) });
    const page = (await response.json()) as { data: { key: string; value: Record<string, unknown> }[]; cursor?: string };
    items.push(...page.data);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** Each project's stored values (kept in its record head), by project id. */
export async function projectValues(host: Host): Promise<Record<string, unknown>> {
  const heads = await readEntities(host, 'record-head');
  return Object.fromEntries(heads.filter((h) => h.key.startsWith('project:')).map((h) => [h.key.slice('project:'.length), h.value.values ?? {}]));
}

/** Every change event the app stored, waiting or handled, each project's in sequence order. */
export async function changeEvents(host: Host): Promise<StoredEvent[]> {
  const entries = [...(await readKvs(host, 'outbox:')), ...(await readKvs(host, 'event:'))];
  return entries
    .map((entry) => storedEvent.parse(entry.value))
    .sort((a, b) => a.event.project.id.localeCompare(b.event.project.id) || a.event.sequence - b.event.sequence);
}

/** All the app's stored values and events: what must not move when an input is refused. */
export async function storeSnapshot(host: Host): Promise<unknown> {
  return { values: await projectValues(host), events: await changeEvents(host), queued: host.queueStore.list().length };
}
