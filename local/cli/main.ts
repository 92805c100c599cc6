import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHost } from '../host';
import { buildPages } from '../server/build-pages';
import { startSandboxServer } from '../server/sandbox-server';
import { RECEIVER_HOST } from '../server/receiver';

/**
 * `npm start`: builds the pages and the backend, then serves the offline sandbox.
 *   --reset        start from empty data      --port N (or PORT)   default 8080
 *   --app DIR      the Forge app (default .)  --data DIR           default <app>/.sandbox
 *   --no-pages     skip building the pages (the tests build them once)
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
    },
  });
  const started = Date.now();
  const appDir = path.resolve(values.app);
  const log = (line: string) => console.log(`[sandbox] ${line}`);
  const host = await createHost({
    appDir,
    dataDir: path.resolve(values.data ?? path.join(appDir, '.sandbox')),
    reset: values.reset,
    log,
    ...(values['retention-ms'] ? { retentionMs: Number(values['retention-ms']) } : {}),
    ...(values['backoff-ms'] ? { errorBackoffMs: () => Number(values['backoff-ms']) } : {}),
  });
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  try {
    if (!values['no-pages']) await buildPages(host.loaded, { log });
    server = await startSandboxServer(host, { port: Number(values.port ?? process.env.PORT ?? 8080) });
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
