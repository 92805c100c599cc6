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

/** A subpage of a full-page module (`pages`, or the pages of its `sections`), shown in Jira's sidebar. */
export interface UiSubpage {
  title: string;
  route: string;
  /** The header of the section it is listed under, if any. */
  section?: string;
}

/** A Custom UI module (jira:adminPage, jira:projectPage, …): any module entry with a resource. */
export interface UiModule {
  type: string;
  key: string;
  title: string;
  resource: string;
  resolverFunction: string | undefined;
  pages: UiSubpage[];
  /** A jira:adminPage used as the app's Configure or Get started page (`useAsConfig`, `useAsGetStarted`). */
  usedAs: 'config' | 'get-started' | undefined;
}

const subpage = z.object({ title: z.unknown(), route: z.string() });
const textOf = (title: unknown, fallback: string) => (typeof title === 'string' ? title : fallback);

/** `pages`, or the pages of `sections` in order (the manifest allows one or the other). */
function subpagesOf(entry: { pages?: unknown; sections?: unknown }): UiSubpage[] {
  const pages = z.array(subpage).safeParse(entry.pages ?? []);
  const sections = z.array(z.object({ header: z.unknown().optional(), pages: z.array(subpage) })).safeParse(entry.sections ?? []);
  const flat = (section: string | undefined) => (p: z.infer<typeof subpage>) => ({
    title: textOf(p.title, p.route),
    route: p.route,
    ...(section === undefined ? {} : { section }),
  });
  return [
    ...(pages.success ? pages.data.map(flat(undefined)) : []),
    ...(sections.success ? sections.data.flatMap((s) => s.pages.map(flat(typeof s.header === 'string' ? s.header : undefined))) : []),
  ];
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
          pages: z.unknown().optional(),
          sections: z.unknown().optional(),
          useAsConfig: z.boolean().optional(),
          useAsGetStarted: z.boolean().optional(),
        })
        .safeParse(entry);
      if (!ui.success) continue;
      uiModules.push({
        type,
        key: ui.data.key,
        title: textOf(ui.data.title, ui.data.key),
        resource: ui.data.resource,
        resolverFunction: ui.data.resolver?.function,
        pages: subpagesOf(ui.data),
        usedAs: ui.data.useAsGetStarted ? 'get-started' : ui.data.useAsConfig ? 'config' : undefined,
      });
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
