import type { Host } from '../../../local/host';
import { newInvocation, runInInvocation } from '../../../local/runtime/runtime';
import type { Platform } from '../../../local/runtime/runtime';
import { PROJECT_ROOT } from './fixture-host';

/**
 * Runs some of the app's own storage code (src/storage) as if inside one of its functions: the real @forge/kvs SDK,
 * talking to the host's KVS service. For failures the app's handlers never provoke themselves (they check sizes
 * first), so that what the storage layer does with them can still be shown.
 */
export function inInvocation<T>(host: Host, fn: () => Promise<T>): Promise<T> {
  const platform: Platform = {
    app: host.app,
    appCodeDir: PROJECT_ROOT,
    route: (typeInfo, path, init) => {
      if (typeInfo.type !== 'kvs') return Promise.reject(new Error(`only KVS calls are routed here, not ${path}`));
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      return Promise.resolve(host.kvs.handle(path, body).response);
    },
    egress: (native) => native,
    appLog: () => undefined,
  };
  const invocation = newInvocation(platform, {
    functionKey: 'test',
    moduleType: 'test',
    moduleKey: 'test',
    accountId: undefined,
    timeoutSeconds: 25,
  });
  return runInInvocation(invocation, fn);
}
