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
  apiKeyUsedPrefix: 'api-key-used:',
  apiKeyUsed: (id: string) => `api-key-used:${id}`,
} as const;

/** Custom entities, declared under app.storage.entities in manifest.yml. */
export const ENTITIES = {
  /** A version per guarded record, bumped by every write of it (optimistic concurrency, see versioned-write). */
  head: 'record-head',
} as const;

/** Keys of the `record-head` entity: one per project's values, one for the field catalogue. */
export const HEADS = {
  projectValues: (projectId: string) => `project:${projectId}`,
  catalogue: 'catalogue',
} as const;
