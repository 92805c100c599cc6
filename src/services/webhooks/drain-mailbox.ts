import { isRateLimited } from '../../storage/kvs-errors';
import { ATTEMPTS_PER_WRITE, recordAttempts } from '../../storage/attempt-record';
import type { AttemptRecord } from '../../storage/attempt-record';
import { allEntries, deleteEntries } from '../../storage/mailbox-store';
import { readWebhookSecrets } from '../../storage/webhook-secrets';
import { readWebhookState } from '../../storage/webhook-state-store';
import { readWebhook } from '../../storage/webhook-store';
import { attemptDelivery } from './attempt-delivery';
import { MailboxRun } from './mailbox-run';
import { readRetryWake, saveRetryWake } from '../../storage/wake-marks';
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

/**
 * Asks to be woken when the next retry falls due — unless a wake-up already asked for is still to come, no later: every
 * run that ends with retries waiting would otherwise push one, and each of those runs would push another, a cloud of
 * idle invocations that never thins. Only one worker of a webhook runs at a time (its concurrency key), so the mark it
 * keeps is read and written by one run at a time. A wake-up already due may have run or be waiting behind this one:
 * then one more is pushed, at worst a wake-up too many.
 */
async function wakeForRetry(webhookId: string, now: number, inMs: number): Promise<void> {
  const at = now + Math.max(1000, inMs);
  const pending = await readRetryWake(webhookId);
  if (pending !== undefined && pending > now && pending <= at) return;
  if ((await wakeWebhooks([webhookId], (at - now) / 1000)) > 0) await saveRetryWake(webhookId, at);
}

/** Forge's queries are eventually consistent ("slightly out of date"): a short pause before the last look. */
const LAST_LOOK_PAUSE_MS = 300;
const RECORD_WITHIN_MS = 2000;
const MAX_PAGES_SKIPPED = 10;

/**
 * A webhook's worker: sends its oldest pending delivery, then the next (see MailboxRun for the order), while its budget
 * lasts — whatever order Forge ran the wake-up events in, and whatever a query showed. Before it ends it looks at its
 * mailbox once more. Attempts are recorded together, up to a dozen per KVS transaction (see recordAttempts): under
 * Forge's 4,000 write units a minute per site, that is what lets a burst through; nothing else is written.
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
  const run = new MailboxRun(webhookId, webhook.strictOrder, budget.hints ?? []);
  const unrecorded: AttemptRecord[] = [];
  let firstUnrecordedAt = 0;
  let attempts = 0;
  const record = async () => {
    await recordAttempts(webhookId, state, unrecorded);
    unrecorded.length = 0;
  };
  try {
    await run.refill('start', now());
    // Pages read in a row with nothing to send: a bound on what a mailbox full of held deliveries costs to look through.
    for (let looks = 0, skipped = 0; ;) {
      const pick = await run.pick(now());
      if (!('next' in pick)) {
        await record();
        // Nothing to send on this page: read the next one if there is more; after sending, look at the start once more
        // a moment later, as deliveries added meanwhile may not show in a query at once.
        if (run.full && skipped < MAX_PAGES_SKIPPED) {
          skipped++;
          await run.refill('next', now());
          continue;
        }
        if (looks === 0 && attempts > 0) {
          await new Promise((resolve) => setTimeout(resolve, LAST_LOOK_PAUSE_MS));
          looks = 1;
          skipped = 0;
          await run.refill('start', now());
          continue;
        }
        if (pick.wakeInMs !== undefined && pick.wakeInMs <= MAX_WAKE_DELAY_S * 1000) await wakeForRetry(webhookId, now(), pick.wakeInMs);
        return { attempts, rateLimited: false };
      }
      skipped = 0;
      looks = 0;
      if (now() > budget.deadline || attempts >= budget.attempts) {
        await record();
        await wakeWebhooks([webhookId]);
        return { attempts, rateLimited: false };
      }
      const result = await attemptDelivery(webhook, secrets, pick.next.entry, state, now);
      if ('skipped' in result) {
        await deleteEntries([pick.next.key]);
        run.settle(pick.next.key, null);
        console.info(`webhook ${webhookId}: not sending ${pick.next.entry.messageId}: ${result.skipped}`);
        continue;
      }
      attempts++;
      if (unrecorded.length === 0) firstUnrecordedAt = now();
      unrecorded.push({ log: result.log, entryKey: pick.next.key, next: result.next });
      state = result.state;
      run.settle(pick.next.key, result.next);
      // Attempts are recorded a dozen at a time (one write), and within a couple of seconds, so the admin page stays current.
      // With strict order, each attempt is recorded before the next goes: were a record refused (Forge's rate limits),
      // what was sent is sent again before anything after it, never after it.
      const perWrite = webhook.strictOrder ? 1 : ATTEMPTS_PER_WRITE;
      if (unrecorded.length >= perWrite || now() - firstUnrecordedAt >= RECORD_WITHIN_MS || result.disabled) await record();
      if (result.disabled) {
        console.warn(`webhook ${webhookId} disabled: ${state.disabledReason ?? ''}`);
        return { attempts, rateLimited: false };
      }
    }
  } catch (error) {
    if (!isRateLimited(error)) throw error;
    // What was sent but not yet recorded is sent again on the next run (the same webhook-id: receivers deduplicate).
    return { attempts, rateLimited: true };
  }
}
