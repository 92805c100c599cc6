import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHost } from '../host';
import type { HostOptions } from '../host';
import { parseLatencyRange } from '../runtime/latency';
import { readQueryLag } from '../services/kvs';
import { buildPages } from '../server/build-pages';
import { startSandboxServer } from '../server/sandbox-server';
import { RECEIVER_HOST } from '../server/receiver';

/**
 * `npm start`: builds the pages and the backend, then serves the offline sandbox.
 *   --reset        start from empty data      --port N (or PORT)   default 8080
 *   --app DIR      the Forge app (default .)  --data DIR           default <app>/.sandbox
 *   --no-pages     skip building the pages (the tests build them once)
 *   --latency MIN-MAX        per-call platform latency in ms (KVS, Jira, queue, egress), e.g. 1-15; none by default
 *   --throttle-ms MIN-MAX    how long a throttled queue event waits before it is looked at again; default as Forge (1 s … minutes)
 *   --product-event-delay-ms N   how late product and lifecycle events reach their triggers; default 0
 *   --query-lag-ms MIN-MAX   how far behind the store KVS and entity queries answer (Forge: eventually consistent); default 0
 *   --events-per-minute N|off    queue events per minute per installation; default 500 (Forge)
 *   --retention-ms N, --backoff-ms N   retention window and retry delay of failing queue events
 *   --receiver NAME=PORT     another receiver of the sandbox's own (repeatable): https://NAME goes to 127.0.0.1:PORT
 * POST /__sandbox/scheduled/<key> runs a scheduled trigger now (the same run as its next one, sooner).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      port: { type: 'string' },
      app: { type: 'string', default: '.' },
      data: { type: 'string' },
      'no-pages': { type: 'boolean', default: false },
      'retention-ms': { type: 'string' },
      'backoff-ms': { type: 'string' },
      latency: { type: 'string' },
      'throttle-ms': { type: 'string' },
      'product-event-delay-ms': { type: 'string' },
      'query-lag-ms': { type: 'string' },
      'events-per-minute': { type: 'string' },
      receiver: { type: 'string', multiple: true },
    },
  });
  const receivers = (values.receiver ?? []).map(parseReceiver);
  const started = Date.now();
  const appDir = path.resolve(values.app);
  const log = (line: string) => console.log(`[sandbox] ${line}`);
  const host = await createHost({
    appDir,
    dataDir: path.resolve(values.data ?? path.join(appDir, '.sandbox')),
    reset: values.reset,
    log,
    ...timingOptions(values),
  });
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  try {
    if (!values['no-pages']) await buildPages(host.loaded, { log });
    server = await startSandboxServer(host, {
      port: Number(values.port ?? process.env.PORT ?? 8080),
      loopbackReceivers: receivers,
    });
  } catch (error) {
    // Release the data folder (and requeue nothing half-run) before reporting, e.g. a port already in use.
    await host.close();
    throw error;
  }

  console.log(`Projectrak sandbox ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  Home           ${server.url}/`);
  console.log(`  Admin page     ${server.url}/admin`);
  for (const project of host.jira.projects()) console.log(`  Project ${project.key.padEnd(6)} ${server.url}/project/${project.key}`);
  console.log(`  Demo receiver  ${server.url}/receiver   (webhook URL: https://${RECEIVER_HOST}/hooks/demo)`);
  console.log(`  REST API       ${server.url}/webtrigger/rest-api`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C does not wait: what was running is run again on the next start (at least once).
      console.log(`[sandbox] ${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    console.log(`\n[sandbox] ${signal}: stopping…`);
    void server
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** `--receiver NAME=PORT`: a host name (with a dot, as a webhook URL needs) and a TCP port. */
function parseReceiver(text: string): { hostname: string; port: number } {
  const match = /^([a-z0-9.-]+\.[a-z0-9-]+)=(\d{1,5})$/i.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || port < 1 || port > 65535) throw new Error(`--receiver: expected NAME=PORT, e.g. hooks.sandbox.test=9000 (got '${text}')`);
  return { hostname: match[1].toLowerCase(), port };
}

/** The timing flags as host options; a malformed value stops the start with the flag's name. */
function timingOptions(values: Record<string, string | string[] | boolean | undefined>): Partial<HostOptions> {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const number = (name: string) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: expected a number ≥ 0 (got '${raw}')`);
    return value;
  };
  const latency = text('latency');
  const queryLag = text('query-lag-ms');
  const throttle = text('throttle-ms');
  const throttleRange = throttle === undefined ? undefined : parseLatencyRange(throttle, '--throttle-ms');
  const backoff = number('backoff-ms');
  const retention = number('retention-ms');
  const productDelay = number('product-event-delay-ms');
  const perMinute = text('events-per-minute') === 'off' ? false : number('events-per-minute');
  return {
    ...(latency === undefined ? {} : { platformLatencyMs: parseLatencyRange(latency, '--latency') }),
    ...(throttleRange ? { throttleDelayMs: () => throttleRange.min + Math.random() * (throttleRange.max - throttleRange.min) } : {}),
    ...(retention === undefined ? {} : { retentionMs: retention }),
    ...(backoff === undefined ? {} : { errorBackoffMs: () => backoff }),
    ...(productDelay === undefined ? {} : { productEventDelayMs: productDelay }),
    ...(queryLag === undefined ? {} : { queryLagMs: readQueryLag(parseLatencyRange(queryLag, '--query-lag-ms'), '--query-lag-ms') ?? 0 }),
    ...(perMinute === undefined ? {} : { eventsPerMinute: perMinute }),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
