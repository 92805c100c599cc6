import type { WebhookSummary } from '../../contract/webhooks';
import { last24Hours } from '../../core/webhooks/delivery-state';
import type { WebhookState } from '../../core/webhooks/delivery-state';
import { freshState } from '../../core/webhooks/delivery-state';
import { normalisedHost } from '../../core/webhooks/url-policy';
import { everyEntry } from '../../storage/mailbox-store';
import { readWebhookState, readWebhookStates } from '../../storage/webhook-state-store';
import { listWebhooks } from '../../storage/webhook-store';
import type { WebhookRecord } from '../../storage/webhook-store';
import { pendingCounts } from './operations';
import { isSandboxReceiver } from './sandbox-receivers';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function hostOf(url: string): string {
  try {
    return normalisedHost(new URL(url));
  } catch {
    return '';
  }
}

/** A webhook as the admin page shows it: configuration, last execution and status, 24-hour counts and health. */
export function summaryOf(record: WebhookRecord, state: WebhookState, counts: { pending: number; held: number }, now: number): WebhookSummary {
  const { headerNames, ...config } = record;
  const health = last24Hours(state, now);
  return {
    ...config,
    disabledReason: state.disabledReason,
    headers: headerNames.map((name) => ({ name })),
    sandboxReceiver: isSandboxReceiver(hostOf(record.url)),
    status: {
      lastAttemptAt: iso(state.lastAt),
      lastStatus: state.lastStatus,
      lastHttpStatus: state.lastHttpStatus,
      lastErrorClass: state.lastErrorClass,
      lastReason: state.lastReason,
      lastSuccessAt: iso(state.lastSuccessAt),
    },
    counts: {
      delivered: health.reduce((sum, h) => sum + h.delivered, 0),
      failed: health.reduce((sum, h) => sum + h.failed, 0),
      ...counts,
    },
    health,
  };
}

const held = (record: WebhookRecord | undefined, state: WebhookState | undefined) => !record?.enabled || (state?.disabledReason ?? null) !== null;

/** Every webhook for the admin page in a few KVS requests: the records, their states (by key), and the pending deliveries. */
export async function listSummaries(now = Date.now()): Promise<WebhookSummary[]> {
  const records = await listWebhooks();
  const [states, entries] = await Promise.all([readWebhookStates(records.map((r) => r.id)), everyEntry()]);
  const byId = new Map(records.map((r) => [r.id, r]));
  const counts = pendingCounts(entries, (id) => held(byId.get(id), states.get(id)));
  return records.map((r) => summaryOf(r, states.get(r.id) ?? freshState(), counts.get(r.id) ?? { pending: 0, held: 0 }, now));
}

/** One webhook's summary, after a change an admin made to it. */
export async function summaryFor(record: WebhookRecord, now = Date.now()): Promise<WebhookSummary> {
  const state = await readWebhookState(record.id);
  const mine = (await everyEntry()).filter((e) => e.entry.webhook === record.id);
  return summaryOf(record, state, pendingCounts(mine, () => held(record, state)).get(record.id) ?? { pending: 0, held: 0 }, now);
}
