import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost } from '../../../local/host';
import type { Host, HostOptions } from '../../../local/host';
import { parseLatencyRange } from '../../../local/runtime/latency';

export const FIXTURE_APP = path.resolve(__dirname, '../../fixtures/host-app');
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

export function tempDir(prefix = 'sandbox-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Per-call platform latency the integration tests of the app run with when asked for (HostOptions.platformLatencyMs). */
export const TEST_LATENCY_MS = { min: 1, max: 15 };
/** How far behind queries answer in the app's integration tests (Forge: eventually consistent, by an undocumented delay). */
export const TEST_QUERY_LAG_MS = { min: 0, max: 300 };

/**
 * Options every test host starts with, before its own: throttled queue events are looked at again after 10–60 ms
 * (Forge: up to minutes), so tests of concurrency keys stay short; their order is still not kept. Setting
 * `HOST_LATENCY_MS=1-15` in the environment turns platform latency on for every test host.
 */
export function testHostDefaults(): Partial<HostOptions> {
  const latency = process.env.HOST_LATENCY_MS;
  return {
    throttleDelayMs: () => 10 + Math.random() * 50,
    ...(latency ? { platformLatencyMs: parseLatencyRange(latency, 'HOST_LATENCY_MS') } : {}),
  };
}

/** A host running the given app (the probe fixture by default) on a fresh data folder. */
export async function startHost(overrides: Partial<HostOptions> = {}): Promise<Host> {
  return createHost({ appDir: FIXTURE_APP, dataDir: tempDir(), ...testHostDefaults(), ...overrides });
}

/** Calls a resolver of the app's first UI module as the given user, the way the bridge does. */
export async function callResolver<T = Record<string, unknown>>(
  host: Host,
  accountId: string,
  functionKey: string,
  payload: Record<string, unknown> = {},
  moduleKey?: string,
): Promise<T> {
  const module = moduleKey ?? host.loaded.uiModules[0]?.key ?? '';
  return (await host.ui.invoke({ moduleKey: module, accountId, extension: {} }, functionKey, payload)) as T;
}
