import { changeDeliveryKey, oldestEntries, readEntries } from '../../storage/mailbox-store';
import type { MailboxEntry } from '../../storage/mailbox-store';

export type Candidate = { key: string; entry: MailboxEntry };
export type Pick = { next: Candidate } | { wakeInMs: number | undefined };

const PAGE_SIZE = 25;

/**
 * What a worker sends next, in order. The mailbox's index is read a page at a time (a query: it may lag), together
 * with the deliveries the wake-up named, each then read again by key (strictly consistent); the page is worked
 * through before the index is read again. A change goes only after the same project's previous change to this
 * webhook: one never attempted is sent first; one waiting for a retry lets it go (first attempts stay in commit
 * order), unless the webhook keeps strict order, where a delivery waiting for its retry holds all after it.
 */
export class MailboxRun {
  private page: Candidate[] = [];
  private readonly done = new Set<string>();

  constructor(
    private readonly webhookId: string,
    private readonly strict: boolean,
    private hints: readonly string[],
  ) {}

  /** Whether the last page read was full: more may be listed behind it. */
  full = false;

  /**
   * Reads the next page: the index's oldest entries, as they are now, and the hinted ones once the index is read to its
   * end or nothing on the page can go now. The hinted deliveries are the newest: on a page with the oldest, the many
   * between them would be missing, and each hinted one would wait for them, read one by one by key.
   */
  async refill(now: number): Promise<void> {
    const listed = (await oldestEntries(this.webhookId, PAGE_SIZE)).map((c) => c.key);
    this.full = listed.length >= PAGE_SIZE;
    const fresh = await readEntries(listed.filter((key) => !this.done.has(key)));
    if (!this.full || ![...fresh.values()].some((entry) => entry.dueAt <= now)) {
      const hinted = await readEntries(this.hints.filter((key) => !this.done.has(key) && !fresh.has(key)));
      for (const [key, entry] of hinted) fresh.set(key, entry);
      this.hints = [];
    }
    this.page = [...fresh].map(([key, entry]) => ({ key, entry })).sort((a, b) => a.entry.order.localeCompare(b.entry.order));
  }

  /** The next delivery to attempt from the page, or, when none is due, how long until one is. */
  async pick(now: number): Promise<Pick> {
    let earliest: number | undefined;
    for (const candidate of this.page) {
      if (candidate.entry.dueAt > now) {
        if (this.strict) return { wakeInMs: candidate.entry.dueAt - now };
        earliest = Math.min(earliest ?? Infinity, candidate.entry.dueAt);
        continue;
      }
      const ordered = await this.predecessorFirst(candidate);
      if ('hold' in ordered) return { wakeInMs: Math.max(0, ordered.hold - now) };
      return { next: ordered.send };
    }
    return { wakeInMs: earliest === undefined ? undefined : earliest - now };
  }

  /** After an attempt: a settled delivery leaves the page; one to retry stays, with its new due time. */
  settle(key: string, next: MailboxEntry | null): void {
    this.page = this.page.filter((c) => c.key !== key);
    if (next) this.page = [...this.page, { key, entry: next }].sort((a, b) => a.entry.order.localeCompare(b.entry.order));
    else this.done.add(key);
  }

  private async predecessorFirst(candidate: Candidate): Promise<{ send: Candidate } | { hold: number }> {
    let current = candidate;
    for (let hops = 0; current.entry.trigger === 'change' && current.entry.previous > 0 && hops < 100; hops++) {
      const key = changeDeliveryKey(current.entry.webhook, current.entry.projectId, current.entry.previous);
      if (this.done.has(key)) break;
      const before = this.page.find((c) => c.key === key)?.entry ?? (await readEntries([key])).get(key);
      if (!before) break;
      if (before.attempt > 1) return this.strict ? { hold: before.dueAt } : { send: current };
      current = { key, entry: before };
    }
    return { send: current };
  }
}
