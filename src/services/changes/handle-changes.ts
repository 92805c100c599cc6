import type { ChangeNotice } from '../../core/changes/change-event';
import { ConcurrentWriteError } from '../../storage/guarded-write';
import { isRateLimited } from '../../storage/kvs-errors';
import type { OutboxCursor } from '../../storage/event-store';
import type { ItemRef } from '../../storage/read-items';
import { webhookIndexRef, webhooksFrom } from '../../storage/webhook-store';
import type { WebhookRecord } from '../../storage/webhook-store';
import { wakeMarkRef, wakeMarksFrom } from '../../storage/wake-marks';
import { fanOut } from '../webhooks/fan-out';
import type { WaitingBatch } from '../webhooks/fan-out';
import { wakeForDeliveries } from '../webhooks/wake';
import { lookAtOutboxes, runOf } from './outbox-look';
import type { OutboxDrain } from './outbox-look';
import { noticeOf, publishNotices } from './publish';

export interface HandleOptions {
  now?: () => number;
  /** When to stop and hand the rest over to a new invocation (the consumer's time limit, less a margin). */
  deadline?: number;
}

/**
 * Handles every waiting change event of the projects named, each project's in sequence order, each once: handling
 * hands them to the webhooks that want them, in the transaction that moves the projects' outbox cursors —
 * conditionally, so of two consumers draining the same project only one handles each event (the other leaves that
 * project). Forge runs queue events in any order; draining whole projects whatever notice came first keeps order.
 * A write that finds events already waiting pushes no notice of its own: its transaction checks the cursor, so it
 * either lands before this drain's last move (and the look after that move sees it) or fails, retries, and finds
 * nothing waiting. The webhooks that got deliveries are woken once. Refused by Forge's KVS rate limits, it stops and
 * says so: its consumer asks to be run again a little later (the events wait in the outbox meanwhile).
 */
export async function handleWaitingChanges(
  notices: readonly Pick<ChangeNotice, 'projectId' | 'sequence'>[],
  options: HandleOptions = {},
): Promise<{ handled: number; rateLimited: boolean }> {
  const now = options.now ?? Date.now;
  const drains = new Map<string, OutboxDrain>();
  for (const { projectId, sequence } of notices) {
    const known = drains.get(projectId);
    drains.set(projectId, {
      projectId,
      guess: Math.max(sequence, known?.guess ?? 0),
      events: new Map(),
      absent: new Set(),
      complete: false,
      size: 2,
    });
  }
  const woken = new Map<string, string[]>();
  const done: OutboxDrain[] = [];
  let webhooks: WebhookRecord[] | undefined;
  let marks: ItemRef[] = [];
  let knownMarks: ReturnType<typeof wakeMarksFrom> | undefined;
  let rateLimited = false;
  try {
    drain: for (;;) {
      // One look (most often one request) at every project still drained; the webhooks with it the first time, and
      // after handing over, the wake marks of the webhooks woken.
      const found = await lookAtOutboxes([...drains.values()], webhooks ? marks : [webhookIndexRef]);
      const known = (webhooks ??= webhooksFrom(found));
      knownMarks = marks.length > 0 ? wakeMarksFrom(found, [...woken.keys()]) : undefined;
      let batches = waitingBatches(drains);
      if (batches.length === 0) break;
      while (batches.length > 0) {
        if (options.deadline !== undefined && now() > options.deadline) {
          await publishNotices(batches.flatMap((b) => (b.events[0] ? [noticeOf(b.events[0])] : [])));
          break drain;
        }
        try {
          for (const result of await fanOut(batches, known, now())) {
            const d = drains.get(result.projectId);
            if (d) moveCursor(d, result.cursor);
            for (const { entry, key } of result.added) woken.set(entry.webhook, [...(woken.get(entry.webhook) ?? []), key]);
          }
        } catch (error) {
          if (!(error instanceof ConcurrentWriteError)) throw error;
          // Another consumer moved these cursors first: it drains those projects; the others go on.
          for (const moved of error.moved) {
            const d = drains.get(moved.key);
            if (d) done.push(d);
            drains.delete(moved.key);
          }
        }
        batches = waitingBatches(drains);
      }
      marks = [...woken.keys()].map(wakeMarkRef);
      // Then once more: a write that committed while this drain ran, having found events waiting, pushed no notice;
      // it is in the outbox now, or its transaction will fail on the moved cursor and notify.
    }
  } catch (error) {
    if (!isRateLimited(error)) throw error;
    rateLimited = true;
  }
  const handled = summarize([...drains.values(), ...done], woken.size);
  if (woken.size > 0) await wakeForDeliveries(woken, now(), knownMarks);
  return { handled, rateLimited };
}

/** The projects' runs of waiting events known, with the cursor each was read at. */
const waitingBatches = (drains: ReadonlyMap<string, OutboxDrain>): WaitingBatch[] =>
  [...drains.values()].flatMap((d) => (d.cursor && runOf(d).length > 0 ? [{ events: runOf(d), cursor: d.cursor }] : []));

function moveCursor(d: OutboxDrain, cursor: OutboxCursor): void {
  d.cursor = cursor;
  for (const sequence of d.events.keys()) if (sequence <= cursor.handled) d.events.delete(sequence);
}

/** Logs what was handled, project by project; answers how many changes. */
function summarize(drains: readonly OutboxDrain[], webhooks: number): number {
  let count = 0;
  for (const d of drains) {
    if (d.start === undefined || !d.cursor || d.cursor.handled <= d.start) continue;
    const handled = d.cursor.handled - d.start;
    count += handled;
    console.info(`project ${d.key ?? d.projectId}: handled #${d.start + 1}–#${d.cursor.handled} (${handled} change(s)) for ${webhooks} webhook(s)`);
  }
  return count;
}
