import { isRateLimited } from '../../storage/kvs-errors';
import { recordAttempt } from '../../storage/attempt-record';
import { allEntries, changeDeliveryKey, deleteEntries, oldestEntries, readEntries } from '../../storage/mailbox-store';
import type { MailboxEntry } from '../../storage/mailbox-store';
import { readWebhookSecrets } from '../../storage/webhook-secrets';
import { readWebhookState, saveWebhookState } from '../../storage/webhook-state-store';
import type { WebhookState } from '../../core/webhooks/delivery-state';
import { deleteLogEntries, logKeysBeyond } from '../../storage/delivery-log';
import { readWebhook } from '../../storage/webhook-store';
import { attemptDelivery } from './attempt-delivery';
import { MAX_WAKE_DELAY_S, wakeWebhooks } from './wake';

export interface DrainBudget {
  /** When to stop starting attempts: the worker's time limit, less one attempt's 15 s and a margin. */
  deadline: number;
  /** Attempts this invocation may still send (Forge allows 100 egress requests per runtime minute of an invocation). */
  attempts: number;
  /** Deliveries the wake-up said were just added: read by key, as the mailbox's query may not show them yet. */
  hints?: readonly string[];
  now?: () => number;
}

type Candidate = { key: string; entry: MailboxEntry };

/** A webhook's log keeps its newest 200 entries (and 7 days, by TTL): what is beyond is removed once an hour. */
const PRUNE_EVERY_MS = 3600 * 1000;

async function pruneLog(webhookId: string, state: WebhookState, now: number): Promise<WebhookState> {
  await deleteLogEntries(await logKeysBeyond(webhookId));
  const next = { ...state, prunedAt: now };
  await saveWebhookState(webhookId, next);
  return next;
}

/** Forge's queries are eventually consistent ("slightly out of date"): a short pause before the last look. */
const LAST_LOOK_PAUSE_MS = 500;

/**
 * A webhook's worker: sends its oldest pending delivery, then the next, while its budget lasts. Order comes from the
 * mailbox's index, which a query may show a little late; so each candidate is read again by key (strictly
 * consistent), and a change is sent only once the same project's previous change to this webhook was attempted —
 * whatever order Forge ran the wake-up events in, and whatever the query showed. With strict order, a delivery
 * waiting for its retry holds the ones after it. Before it ends the worker looks at its mailbox once more.
 */
export async function drainMailbox(webhookId: string, budget: DrainBudget): Promise<{ attempts: number; rateLimited: boolean }> {
  const now = budget.now ?? Date.now;
  const webhook = await readWebhook(webhookId);
  if (!webhook) {
    // Deleted meanwhile: what is left of its mailbox goes too.
    await deleteEntries((await allEntries(webhookId)).map((c) => c.key));
    return { attempts: 0, rateLimited: false };
  }
  let state = await readWebhookState(webhookId);
  const secrets = await readWebhookSecrets(webhookId);
  if (!webhook.enabled || state.disabledReason !== null || !secrets) return { attempts: 0, rateLimited: false };
  const settled = new Set<string>();
  const hints = budget.hints ?? [];
  let attempts = 0;
  let lookedAgain = false;
  try {
    for (;;) {
      const listed = await oldestEntries(webhookId);
      const unlisted = hints.filter((key) => !listed.some((c) => c.key === key));
      const hinted = [...(await readEntries(unlisted))].map(([key, entry]) => ({ key, entry }));
      const page = [...listed, ...hinted].filter((c) => !settled.has(c.key)).sort((a, b) => a.entry.order.localeCompare(b.entry.order));
      const pick = await choose(page, webhook.strictOrder, now());
      if (!pick.next && attempts > 0 && !lookedAgain) {
        // Once more, a moment later: deliveries added while this run sent may not show in a query at once.
        lookedAgain = true;
        await new Promise((resolve) => setTimeout(resolve, LAST_LOOK_PAUSE_MS));
        continue;
      }
      if (!pick.next) {
        if (attempts > 0 && now() - state.prunedAt >= PRUNE_EVERY_MS) state = await pruneLog(webhookId, state, now());
        if (pick.wakeInMs !== undefined && pick.wakeInMs <= MAX_WAKE_DELAY_S * 1000)
          await wakeWebhooks([webhookId], Math.max(1, pick.wakeInMs / 1000));
        return { attempts, rateLimited: false };
      }
      if (now() > budget.deadline || attempts >= budget.attempts) {
        await wakeWebhooks([webhookId]);
        return { attempts, rateLimited: false };
      }
      const result = await attemptDelivery(webhook, secrets, pick.next.entry, state, now);
      settled.add(pick.next.key);
      if ('skipped' in result) {
        await deleteEntries([pick.next.key]);
        console.info(`webhook ${webhookId}: not sending ${pick.next.entry.messageId}: ${result.skipped}`);
        continue;
      }
      attempts++;
      await recordAttempt({ log: result.log, webhookId, state: result.state, entryKey: pick.next.key, next: result.next });
      state = result.state;
      if (result.next) settled.delete(pick.next.key);
      if (result.disabled) {
        console.warn(`webhook ${webhookId} disabled: ${state.disabledReason ?? ''}`);
        return { attempts, rateLimited: false };
      }
    }
  } catch (error) {
    if (!isRateLimited(error)) throw error;
    return { attempts, rateLimited: true };
  }
}

/**
 * The next delivery to attempt among the oldest pending ones (commit order), confirmed by key; or, when none is
 * due, how long until one is.
 */
async function choose(page: Candidate[], strict: boolean, now: number): Promise<{ next?: Candidate; wakeInMs?: number }> {
  const fresh = await readEntries(page.map((c) => c.key));
  const current = page.flatMap((c) => {
    const entry = fresh.get(c.key);
    return entry ? [{ key: c.key, entry }] : [];
  });
  const earliest = current.reduce<number | undefined>((min, c) => (min === undefined || c.entry.dueAt < min ? c.entry.dueAt : min), undefined);
  for (const candidate of current) {
    if (candidate.entry.dueAt > now) {
      if (strict) return { wakeInMs: candidate.entry.dueAt - now };
      continue;
    }
    const ordered = await predecessorFirst(candidate, strict);
    if ('hold' in ordered) return { wakeInMs: Math.max(0, ordered.hold - now) };
    return { next: ordered.send };
  }
  return earliest === undefined ? {} : { wakeInMs: earliest - now };
}

/**
 * A change goes after the same project's previous change to this webhook: a predecessor never attempted is sent
 * first; one waiting for a retry lets it go (first attempts stay in order), unless the webhook keeps strict order.
 */
async function predecessorFirst(candidate: Candidate, strict: boolean): Promise<{ send: Candidate } | { hold: number }> {
  let current = candidate;
  for (let hops = 0; current.entry.trigger === 'change' && current.entry.previous > 0 && hops < 100; hops++) {
    const key = changeDeliveryKey(current.entry.webhook, current.entry.projectId, current.entry.previous);
    const before = (await readEntries([key])).get(key);
    if (!before) break;
    if (before.attempt > 1) return strict ? { hold: before.dueAt } : { send: current };
    current = { key, entry: before };
  }
  return { send: current };
}
