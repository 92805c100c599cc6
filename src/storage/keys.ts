/** Every KVS key and entity the app writes, in one place (Forge keys: ≤ 500 chars of [a-zA-Z0-9:._\s-#]). */
const SEQUENCE_DIGITS = 10;

export const KEYS = {
  installedAt: 'app:installed-at',
  snapshots: 'app:snapshots',
  setupDone: 'app:setup-done',
  catalogue: 'fields:catalogue',
  /** Change events not yet handled, per project (an outbox); removed once handled. */
  outboxPrefix: 'outbox:',
  outbox: (projectId: string, sequence: number) => `outbox:${projectId}:${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`,
  /** Change events once handled, kept 30 days (HANDLED_EVENT_TTL). */
  event: (eventId: string) => `event:${eventId}`,
  /** The webhook's delivery state: last execution and status, health, why the app disabled it. */
  webhookStatePrefix: 'webhook-state:',
  webhookState: (id: string) => `webhook-state:${id}`,
  /** What was last pushed to wake the webhook's worker for new deliveries (see core/webhooks/wake-window.ts). */
  wakeMarkPrefix: 'wake-mark:',
  wakeMark: (id: string) => `wake-mark:${id}`,
  /** When the webhook's worker last asked to be woken for its next retry (epoch ms); written by the worker alone. */
  retryWake: (id: string) => `retry-wake:${id}`,
  /** Secret store: the signing secrets and the custom header values. */
  webhookSecrets: (id: string) => `webhook-secrets:${id}`,
  apiKeyPrefix: 'api-key:',
  apiKey: (id: string) => `api-key:${id}`,
  apiKeySecret: (id: string) => `api-key-secret:${id}`,
  apiKeyUsedPrefix: 'api-key-used:',
  apiKeyUsed: (id: string) => `api-key-used:${id}`,
  /** A key name's claim (by the SHA-256 of its lower-case form), holding the id of the key that has it. */
  apiKeyName: (digest: string) => `api-key-name:${digest}`,
} as const;

/** Custom entities, declared under app.storage.entities in manifest.yml. */
export const ENTITIES = {
  /**
   * Per guarded record (a project's values, the field catalogue): `version`, bumped by every write of it; for a
   * project also `sequence`, the number of its last change event, and `lastAt`, that event's time.
   */
  head: 'record-head',
  /** Per project: `handled`, the sequence number of the last change event handled. */
  outboxCursor: 'outbox-cursor',
  /** Pending deliveries, per webhook in commit order (index `by-webhook`), and all of them by due time (`by-due`). */
  mailbox: 'mailbox',
  /** The delivery log: every attempt, per webhook by time (index `by-webhook`). */
  delivery: 'delivery',
  /** Every webhook's configuration, in one item (read strictly consistently). */
  webhookIndex: 'webhook-index',
} as const;

/** Keys of the `record-head` entity: one per project's values, one for the field catalogue. */
export const HEADS = {
  projectValues: (projectId: string) => `project:${projectId}`,
  catalogue: 'catalogue',
} as const;
