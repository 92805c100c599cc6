import { byOrder } from '../../core/webhooks/order-key';
import { changeDeliveryKey, mailboxPage, readEntries } from '../../storage/mailbox-store';
import type { MailboxEntry } from '../../storage/mailbox-store';

export type Candidate = { key: string; entry: MailboxEntry };
export type Pick = { next: Candidate } | { wakeInMs: number | undefined };

/**
 * A look starts with a small page and doubles it while pages come full: most looks (the last one before a worker
 * ends, a wake-up for one new delivery) find little, and reads are billed and limited by the bytes they return.
 */
const FIRST_PAGE = 5;
const PAGE_SIZE = 25;

/**
 * What a worker sends next, in order. The mailbox's index is read a page at a time (a query: it may lag) — by commit
 * order when the webhook keeps strict order, else by due time, so that retries waiting at the head never hide what
 * is due behind them — together with the deliveries the wake-up named, each then read again by key (strictly
 * consistent); the page is worked through before the index is read again, from its start or on from the page.
 * A change goes only after the same project's previous change to this webhook: one never attempted is sent first;
 * one waiting for a retry lets it go (first attempts stay in commit order), unless the webhook keeps strict order,
 * where a delivery waiting for its retry holds its project's later deliveries (other projects go on).
 */
export class MailboxRun {
  private page: Candidate[] = [];
  private readonly done = new Set<string>();
  /** Deliveries read by key in this run (null: not there), so a held page costs its reads once, not at every pick. */
  private readonly known = new Map<string, MailboxEntry | null>();
  private cursor: string | undefined;
  private size = FIRST_PAGE;
  /** Projects whose next delivery must wait, as seen since this look started: later pages must not pass them. */
  private readonly held = new Set<string>();
  private static readonly MAX_HOPS = 100;
  private earliest: number | undefined;

  constructor(
    private readonly webhookId: string,
    private readonly strict: boolean,
    private hints: readonly string[],
  ) {}

  /** Whether more may be listed behind the last page read. */
  get full(): boolean {
    return this.cursor !== undefined;
  }

  /**
   * Reads a page: from the index's start (what is there now, and the hinted deliveries), or the one after the last
   * page read (when that one had nothing to send).
   */
  async refill(from: 'start' | 'next' = 'start', now = Date.now()): Promise<void> {
    if (from === 'start') {
      this.earliest = undefined;
      this.held.clear();
    }
    this.size = from === 'start' ? FIRST_PAGE : Math.min(PAGE_SIZE, this.size * 2);
    const listed = await mailboxPage(this.webhookId, this.strict ? 'by-order' : 'by-due', this.size, from === 'next' ? this.cursor : undefined);
    this.cursor = listed.entries.length >= this.size ? listed.nextCursor : undefined;
    const shown = listed.entries.filter((c) => !this.done.has(c.key));
    // What the query shows due (and what the wake-up named) is read again by key before it is sent; what it shows
    // waiting only tells when to look again.
    // On a strict-order page only each project's first is read now: the rest wait behind it, each read before it goes.
    const due = shown.filter((c) => c.entry.dueAt <= now).sort((a, b) => byOrder(a.entry, b.entry));
    const firsts = this.strict ? due.filter((c, i) => due.findIndex((d) => d.entry.projectId === c.entry.projectId) === i) : due;
    // With them, the predecessors the page names but does not show (each delivery goes after its project's previous
    // change): one request for the page, not one per delivery.
    const onPage = new Set(shown.map((c) => c.key));
    const before = shown.flatMap((c) =>
      c.entry.trigger === 'change' && c.entry.previous > 0 ? [changeDeliveryKey(c.entry.webhook, c.entry.projectId, c.entry.previous)] : [],
    );
    const toRead = [...new Set([...firsts.map((c) => c.key), ...this.hints])].filter((key) => !this.done.has(key));
    const ahead = [...new Set(before)].filter((key) => !onPage.has(key) && !this.known.has(key) && !this.done.has(key) && !toRead.includes(key));
    this.hints = [];
    const fresh = await readEntries([...toRead, ...ahead]);
    for (const key of [...toRead, ...ahead]) this.known.set(key, fresh.get(key) ?? null);
    const page = new Map(shown.filter((c) => !toRead.includes(c.key)).map((c) => [c.key, c.entry]));
    for (const key of toRead) {
      const entry = fresh.get(key);
      if (entry) page.set(key, entry);
    }
    this.page = [...page].map(([key, entry]) => ({ key, entry })).sort((a, b) => byOrder(a.entry, b.entry));
  }

  /** The next delivery to attempt from the page, or, when none is, how long until one of those seen is due. */
  async pick(now: number): Promise<Pick> {
    const held = this.held;
    for (const candidate of this.page) {
      if (held.has(candidate.entry.projectId)) continue;
      if (candidate.entry.dueAt > now) {
        this.noteDue(candidate.entry.dueAt);
        if (this.strict) held.add(candidate.entry.projectId);
        continue;
      }
      const ordered = await this.predecessorFirst(candidate, now);
      if ('send' in ordered) {
        const fresh = await this.confirmed(ordered.send);
        if (fresh && fresh.entry.dueAt <= now) return { next: fresh };
        if (!fresh) continue;
        this.noteDue(fresh.entry.dueAt);
        if (this.strict) held.add(candidate.entry.projectId);
        continue;
      }
      this.noteDue(ordered.hold);
      held.add(candidate.entry.projectId);
    }
    return { wakeInMs: this.earliest === undefined ? undefined : Math.max(0, this.earliest - now) };
  }

  /** After an attempt: a settled delivery leaves the page; one to retry stays, with its new due time. */
  settle(key: string, next: MailboxEntry | null): void {
    this.page = this.page.filter((c) => c.key !== key);
    this.known.set(key, next);
    if (next) this.page = [...this.page, { key, entry: next }].sort((a, b) => byOrder(a.entry, b.entry));
    else this.done.add(key);
  }

  /** The candidate as stored now (read by key unless this run already did), or null when it is gone. */
  private async confirmed(candidate: Candidate): Promise<Candidate | null> {
    const entry = await this.readByKey(candidate.key);
    if (entry === null) this.settle(candidate.key, null);
    else if (entry !== candidate.entry) this.page = this.page.map((c) => (c.key === candidate.key ? { key: c.key, entry } : c));
    return entry === null ? null : { key: candidate.key, entry };
  }

  private async readByKey(key: string): Promise<MailboxEntry | null> {
    if (!this.known.has(key)) this.known.set(key, (await readEntries([key])).get(key) ?? null);
    return this.known.get(key) ?? null;
  }

  private noteDue(at: number): void {
    this.earliest = Math.min(this.earliest ?? Infinity, at);
  }

  /** The delivery to send for this candidate: itself, or the earliest of its project still waiting before it. */
  private async predecessorFirst(candidate: Candidate, now: number): Promise<{ send: Candidate } | { hold: number }> {
    let current = candidate;
    for (let hops = 0; current.entry.trigger === 'change' && current.entry.previous > 0; hops++) {
      // Too far from the start of its project's chain to tell what goes first: it waits for a look from the start.
      if (hops >= MailboxRun.MAX_HOPS) return { hold: now + 1000 };
      const key = changeDeliveryKey(current.entry.webhook, current.entry.projectId, current.entry.previous);
      if (this.done.has(key)) break;
      const before = this.page.find((c) => c.key === key)?.entry ?? (await this.readByKey(key));
      if (!before) break;
      if (before.attempt > 1) {
        if (!this.strict) return { send: current };
        // Strict order: a retry holds what comes after it until it is due, then goes first.
        if (before.dueAt > now) return { hold: before.dueAt };
      }
      current = { key, entry: before };
    }
    return { send: current };
  }
}
