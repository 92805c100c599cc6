import { z } from 'zod';

/**
 * Webhooks as the admin page sees them, and what it sends to create or change one (docs/webhooks.md). Shared by the
 * resolvers (to parse payloads) and the page (to check answers).
 */
export const MAX_CUSTOM_HEADERS = 5;

export const webhookFilters = z.object({
  /** Project ids; null: every project. */
  projects: z.array(z.string()).nullable(),
  /** Field ids; null: every field. A change is sent with only these fields, and not at all when it has none of them. */
  fields: z.array(z.number()).nullable(),
});
export type WebhookFilters = z.infer<typeof webhookFilters>;

/** A custom header as sent: the value is given when it is set or changed; omitted, the saved value is kept. */
const headerInput = z.object({ name: z.string(), value: z.string().optional() });

export const webhookInput = z.object({
  name: z.string(),
  url: z.string(),
  enabled: z.boolean().optional(),
  filters: z.object({ projects: z.array(z.string()).nullable().optional(), fields: z.array(z.number()).nullable().optional() }).optional(),
  headers: z.array(headerInput).optional(),
  strictOrder: z.boolean().optional(),
});
export type WebhookInput = z.infer<typeof webhookInput>;

export const DELIVERY_STATUSES = ['OK', 'ERROR'] as const;
export const TRIGGERS = ['change', 'redeliver', 'test', 'replay'] as const;

export const webhookStatus = z.object({
  lastAttemptAt: z.string().nullable(),
  /** OK for a 2xx answer, ERROR for anything else; null before the first attempt. */
  lastStatus: z.enum(DELIVERY_STATUSES).nullable(),
  lastHttpStatus: z.number().nullable(),
  lastErrorClass: z.string().nullable(),
  lastReason: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
export type WebhookStatus = z.infer<typeof webhookStatus>;

export const webhookCounts = z.object({ delivered: z.number(), failed: z.number(), pending: z.number(), held: z.number() });
export type WebhookCounts = z.infer<typeof webhookCounts>;

export const webhookSummary = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  /** Why the app disabled it (410, or failing for days); null when enabled or disabled by an admin. */
  disabledReason: z.string().nullable(),
  filters: webhookFilters,
  /** Custom header names; values are never shown again after saving. */
  headers: z.array(z.object({ name: z.string() })),
  strictOrder: z.boolean(),
  /** The URL is one of the sandbox's own receivers (only the offline sandbox allows them). */
  sandboxReceiver: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  secretRotatedAt: z.string().nullable(),
  status: webhookStatus,
  /** The last 24 hours. */
  counts: webhookCounts,
  /** Deliveries per hour over the last 24 hours, oldest first. */
  health: z.array(z.object({ delivered: z.number(), failed: z.number() })),
});
export type WebhookSummary = z.infer<typeof webhookSummary>;

export const deliveryLogEntry = z.object({
  id: z.string(),
  webhookId: z.string(),
  /** The receiver's idempotency key: the same for every attempt and redelivery of one change to one webhook. */
  messageId: z.string(),
  eventId: z.string(),
  projectKey: z.string().nullable(),
  sequence: z.number().nullable(),
  attempt: z.number(),
  trigger: z.enum(TRIGGERS),
  at: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  httpStatus: z.number().nullable(),
  errorClass: z.string().nullable(),
  reason: z.string().nullable(),
  /** Whether this was the delivery's last attempt and it failed (what "replay failed since" sends again). */
  final: z.boolean(),
  /** What follows: delivered, a retry at that time, failed for good, the webhook disabled. */
  next: z.string(),
  durationMs: z.number(),
  request: z.object({ url: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
  response: z.object({ headers: z.record(z.string(), z.string()), body: z.string(), truncated: z.boolean() }).nullable(),
});
export type DeliveryLogEntry = z.infer<typeof deliveryLogEntry>;
