import type { Egress } from '../services/egress';
import { answerEgressCall, EGRESS_BRIDGE_CALLS } from '../services/egress/bridge-calls';
import type { EgressBridgeOptions } from '../services/egress/bridge-calls';
import { EgressRequestError } from '../services/egress/egress-request';
import type { Invoker } from './invoker';
import type { JiraFake } from '../services/jira';
import type { LoadedManifest, UiModule } from './manifest';
import type { AppIdentity } from './runtime';

export interface UiCaller {
  moduleKey: string;
  accountId: string;
  /** Where the page is shown, e.g. `{ project: { id, key, type } }` for a project page. */
  extension: Record<string, unknown>;
}

export class UiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a Custom UI page gets through the bridge: its context and its resolver's answers. */
export class UiCalls {
  /** How the sandbox plays Atlassian's egress consent dialog (tests make the admin decline). */
  egressOptions: EgressBridgeOptions = { consent: 'approve', setMode: 'replace' };

  constructor(
    private readonly loaded: LoadedManifest,
    private readonly invoker: Invoker,
    private readonly app: AppIdentity,
    private readonly jira: JiraFake,
    private readonly egress: Egress,
  ) {}

  module(moduleKey: string): UiModule {
    const module = this.loaded.uiModules.find((m) => m.key === moduleKey);
    if (!module) throw new UiCallError(404, `manifest.yml has no UI module '${moduleKey}'`);
    return module;
  }

  /** The context `view.getContext()` answers, with the fields Forge documents for Jira modules. */
  context(caller: UiCaller): Record<string, unknown> {
    const module = this.module(caller.moduleKey);
    return {
      accountId: caller.accountId,
      cloudId: this.app.cloudId,
      siteUrl: this.jira.siteUrl,
      localId: `ari:cloud:ecosystem::extension/${this.app.appId}/${this.app.environmentId}/static/${module.key}`,
      environmentId: this.app.environmentId,
      environmentType: this.app.environmentType,
      moduleKey: module.key,
      locale: 'en-US',
      timezone: 'UTC',
      theme: { colorMode: 'light' },
      extension: { type: module.type, ...caller.extension },
    };
  }

  async invoke(caller: UiCaller, functionKey: string, payload: unknown): Promise<unknown> {
    const module = this.module(caller.moduleKey);
    if (!module.resolverFunction) throw new UiCallError(400, `UI module '${module.key}' declares no resolver`);
    const size = Buffer.byteLength(JSON.stringify(payload ?? null));
    if (size > MAX_INVOKE_PAYLOAD_BYTES)
      throw new UiCallError(413, `invoke payload: ${size} bytes, over Forge's limit of ${MAX_INVOKE_PAYLOAD_BYTES}`);
    return this.invoker.invoke({
      functionKey: module.resolverFunction,
      moduleType: module.type,
      moduleKey: module.key,
      accountId: caller.accountId,
      args: [
        { call: { functionKey, payload }, context: this.context(caller) },
        { principal: { accountId: caller.accountId }, installContext: `ari:cloud:jira::site/${this.app.cloudId}` },
      ],
    });
  }

  /** Other bridge calls the pages make; unknown ones are answered with a warning, never a fake success. */
  bridge(caller: UiCaller, name: string, payload: unknown): { known: boolean; result?: unknown } {
    this.module(caller.moduleKey);
    if (name === 'getContext') return { known: true, result: this.context(caller) };
    if (EGRESS_BRIDGE_CALLS.includes(name)) {
      const isJiraAdmin = this.jira.users().find((u) => u.accountId === caller.accountId)?.jiraAdmin === true;
      const configurable = this.loaded.manifest.permissions.external?.configurable?.enabled === true;
      try {
        return { known: true, result: answerEgressCall(this.egress.customer, this.egressOptions, { isJiraAdmin, configurable }, name, payload) };
      } catch (error) {
        if (error instanceof EgressRequestError) throw new UiCallError(error.status, error.message);
        throw error;
      }
    }
    return { known: false };
  }
}

// Front-end invocation request payload ≤ 500 KB (docs/forge-platform.md, "Function time and size").
const MAX_INVOKE_PAYLOAD_BYTES = 500_000;
