/** Every KVS key and entity the app writes, in one place (Forge keys: ≤ 500 chars of [a-zA-Z0-9:._\s-#]). */
export const KEYS = {
  installedAt: 'app:installed-at',
  catalogue: 'fields:catalogue',
  projectSnapshot: (projectId: string) => `jira-project:${projectId}`,
  valuePrefix: (projectId: string) => `value:${projectId}:`,
  value: (projectId: string, fieldId: number) => `value:${projectId}:${fieldId}`,
  eventPrefix: 'event:',
  event: (eventId: string) => `event:${eventId}`,
  apiKeyPrefix: 'api-key:',
  apiKey: (id: string) => `api-key:${id}`,
  apiKeySecret: (id: string) => `api-key-secret:${id}`,
} as const;

/** Custom entities, declared under app.storage.entities in manifest.yml. */
export const ENTITIES = {
  /** One per project: a version bumped by every write of its values, for optimistic concurrency. */
  projectHead: 'project-head',
} as const;
