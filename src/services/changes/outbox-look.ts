import type { ChangeEvent } from '../../core/changes/change-event';
import { cursorFrom, cursorRef, outboxEvent, outboxRef } from '../../storage/event-store';
import type { OutboxCursor } from '../../storage/event-store';
import { readItems, refId } from '../../storage/read-items';
import type { ItemRef } from '../../storage/read-items';

/** Forge takes at most 25 keys per batch: a project's outbox is read in windows up to that. */
const MAX_WINDOW = 25;

/** What a consumer knows of one project's outbox while it drains it. */
export interface OutboxDrain {
  projectId: string;
  /** The project's key, for the logs (from its events). */
  key?: string;
  /** The sequence its notice named: before the cursor is read, the outbox is read from there. */
  guess: number;
  /** Read strictly consistently, by key; undefined until read. */
  cursor?: OutboxCursor;
  /** The cursor's `handled` when first read. */
  start?: number;
  /** Waiting events read, by sequence. */
  events: Map<number, ChangeEvent>;
  /** Sequences read and found absent in this look. */
  absent: Set<number>;
  /** Whether this look found where the run of waiting events ends. */
  complete: boolean;
  /** How many keys the next read of this project asks for. */
  size: number;
}

/** The project's run of waiting events known: consecutive sequence numbers after the cursor. */
export function runOf(drain: OutboxDrain): ChangeEvent[] {
  const run: ChangeEvent[] = [];
  for (let s = (drain.cursor?.handled ?? 0) + 1, event = drain.events.get(s); event; s++, event = drain.events.get(s)) run.push(event);
  return run;
}

/**
 * Looks at the outboxes of the projects drained, by key (queries are only eventually consistent, docs/forge-platform.md,
 * "KVS and custom entities"), until each project's run of waiting events is known to end: the cursors not yet read
 * (with the events from the sequence their notice named, and the one after, where the run usually ends), then windows
 * twice as large each time (up to 25). All projects go in the same requests, with `extra` items in the first, so that
 * a look at a dozen projects with one waiting event each costs one request. Answers what was found of `extra`.
 */
export async function lookAtOutboxes(drains: readonly OutboxDrain[], extra: readonly ItemRef[]): Promise<Map<string, unknown>> {
  let extraFound = new Map<string, unknown>();
  for (const d of drains) {
    d.absent.clear();
    d.complete = false;
    d.size = 2;
  }
  for (let round = 0; ; round++) {
    const refs: ItemRef[] = round === 0 ? [...extra] : [];
    const asked = new Map<OutboxDrain, number[]>();
    for (const d of drains) {
      if (d.complete) continue;
      const from = d.cursor ? (d.cursor.handled ?? 0) + runOf(d).length + 1 : Math.max(1, d.guess);
      const sequences = Array.from({ length: d.size }, (_, i) => from + i);
      d.size = Math.min(MAX_WINDOW, d.size * 2);
      if (!d.cursor) refs.push(cursorRef(d.projectId));
      refs.push(...sequences.map((s) => outboxRef(d.projectId, s)));
      asked.set(d, sequences);
    }
    if (asked.size === 0) return extraFound;
    const found = await readItems(refs);
    if (round === 0) extraFound = found;
    for (const [d, sequences] of asked) {
      if (!d.cursor) {
        d.cursor = cursorFrom(found.get(refId(cursorRef(d.projectId))));
        d.start ??= d.cursor.handled;
      }
      for (const s of sequences) {
        const value = found.get(refId(outboxRef(d.projectId, s)));
        if (value === undefined) {
          d.absent.add(s);
          continue;
        }
        const event = outboxEvent(value);
        d.key ??= event.project.key;
        d.events.set(s, event);
      }
      const handled = d.cursor.handled;
      for (const s of d.events.keys()) if (s <= handled) d.events.delete(s);
      d.complete = d.absent.has(handled + runOf(d).length + 1);
    }
  }
}
