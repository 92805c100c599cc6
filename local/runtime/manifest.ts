import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The part of manifest.yml the host needs to run an app; @forge/manifest validates the whole file in the tests. */
const moduleEntry = z.looseObject({ key: z.string() });
const manifestSchema = z.object({
  app: z.looseObject({
    id: z.string(),
    runtime: z.object({ name: z.string() }).optional(),
    // Custom entities: read in full, and checked, by the KVS service (local/services/kvs/entity-declarations.ts).
    storage: z.looseObject({ entities: z.array(z.unknown()).optional() }).optional(),
  }),
  modules: z.looseObject({
    function: z.array(z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })).default([]),
    trigger: z.array(moduleEntry.extend({ function: z.string(), events: z.array(z.string()) })).default([]),
    consumer: z.array(moduleEntry.extend({ queue: z.string(), function: z.string() })).default([]),
    webtrigger: z.array(moduleEntry.extend({ function: z.string() })).default([]),
    scheduledTrigger: z.array(moduleEntry.extend({ function: z.string(), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) })).default([]),
  }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  permissions: z
    .looseObject({
      scopes: z.array(z.string()).default([]),
      external: z
        .looseObject({
          fetch: z.looseObject({ backend: z.array(z.union([z.string(), z.object({ address: z.string() })])).default([]) }).optional(),
          configurable: z.object({ enabled: z.boolean() }).optional(),
        })
        .optional(),
    })
    .default({ scopes: [] }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** A Custom UI module (jira:adminPage, jira:projectPage, …): any module entry with a resource. */
export interface UiModule {
  type: string;
  key: string;
  title: string;
  resource: string;
  resolverFunction: string | undefined;
}

export interface LoadedManifest {
  appDir: string;
  manifest: Manifest;
  uiModules: UiModule[];
  resourceDir(resourceKey: string): string;
  /** `index.resolver` → file `src/index.ts` (or .js/.tsx), export `resolver`. */
  handlerOf(functionKey: string): { file: string; exportName: string };
}

const HANDLER_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx'];

export function loadManifest(appDir: string): LoadedManifest {
  const raw: unknown = parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8'));
  const manifest = manifestSchema.parse(raw);
  const uiModules: UiModule[] = [];
  for (const [type, entries] of Object.entries(manifest.modules)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as unknown[]) {
      const ui = z
        .looseObject({
          key: z.string(),
          resource: z.string(),
          title: z.unknown().optional(),
          resolver: z.object({ function: z.string() }).optional(),
        })
        .safeParse(entry);
      if (!ui.success) continue;
      const title = typeof ui.data.title === 'string' ? ui.data.title : ui.data.key;
      uiModules.push({ type, key: ui.data.key, title, resource: ui.data.resource, resolverFunction: ui.data.resolver?.function });
    }
  }
  return {
    appDir,
    manifest,
    uiModules,
    resourceDir(resourceKey) {
      const resource = manifest.resources.find((r) => r.key === resourceKey);
      if (!resource) throw new Error(`manifest.yml has no resource '${resourceKey}'`);
      return path.join(appDir, resource.path);
    },
    handlerOf(functionKey) {
      const fn = manifest.modules.function.find((f) => f.key === functionKey);
      if (!fn) throw new Error(`manifest.yml has no function '${functionKey}'`);
      const dot = fn.handler.lastIndexOf('.');
      const base = path.join(appDir, 'src', fn.handler.slice(0, dot));
      const file = HANDLER_EXTENSIONS.map((ext) => base + ext).find((f) => fs.existsSync(f));
      if (!file) throw new Error(`function '${functionKey}': no file for handler '${fn.handler}' under src/`);
      return { file, exportName: fn.handler.slice(dot + 1) };
    },
  };
}
