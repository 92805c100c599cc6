import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost } from '../../../local/host';
import type { Host, HostOptions } from '../../../local/host';

export const FIXTURE_APP = path.resolve(__dirname, '../../fixtures/host-app');
export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

export function tempDir(prefix = 'sandbox-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A host running the given app (the probe fixture by default) on a fresh data folder. */
export async function startHost(overrides: Partial<HostOptions> = {}): Promise<Host> {
  return createHost({ appDir: FIXTURE_APP, dataDir: tempDir(), ...overrides });
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
