import { z } from 'zod';
import type { Egress } from '../services/egress';
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
    if (name === 'getContext') return { known: true, result: this.context(caller) };
    if (name === '__permission__egressGet') return { known: true, result: this.egress.approved() };
    if (name === '__permission__egressSet') return { known: true, result: this.approveEgress(caller, payload) };
    return { known: false };
  }

  /**
   * Customer-managed egress (`permissions.egress.set`): only for an app whose manifest enables it, only for a
   * Jira admin (on Forge the admin approves in a dialog), at most 10 groups of 10 domains per installation.
   */
  private approveEgress(caller: UiCaller, payload: unknown): true {
    if (this.loaded.manifest.permissions.external?.configurable?.enabled !== true) {
      throw new UiCallError(400, 'manifest.yml does not enable permissions.external.configurable');
    }
    if (!this.jira.users().find((u) => u.accountId === caller.accountId)?.jiraAdmin)
      throw new UiCallError(403, 'Only a Jira admin can approve egress');
    const parsed = egressRequest.safeParse(payload);
    if (!parsed.success) throw new UiCallError(400, `Invalid egress request: ${parsed.error.issues[0]?.message ?? ''}`);
    for (const group of parsed.data.egresses)
      this.egress.approve(
        group.key,
        group.configured.map((c) => c.domain),
      );
    return true;
  }
}

// Forge allows 10 groups of 10 domains per installation (docs/forge-platform.md, "Egress").
const egressRequest = z.object({
  egresses: z
    .array(
      z.object({
        key: z.string().min(1),
        configured: z
          .array(
            z.object({
              domain: z
                .string()
                .max(253)
                .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'a domain such as hooks.example.com or *.example.com'),
            }),
          )
          .max(10),
      }),
    )
    .max(10),
});
