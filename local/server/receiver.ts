import type { Db } from '../data/db';

export const RECEIVER_HOST = 'receiver.sandbox.test';

export interface ReceivedRequest {
  id: number;
  receivedAt: string;
  method: string;
  url: string;
  /** Lower-cased names, repeated values joined with `, ` (as `Headers` reads them). */
  headers: Record<string, string>;
  /** Every header line as sent: name casing and order kept. */
  rawHeaders: [string, string][];
  /** The body as UTF-8 text, and the exact bytes (to check a signature over the raw body). */
  body: string;
  bodyBase64: string;
  /** What the receiver answered: a status (`200`, `429 Retry-After: 30`), or `hang`, `reset`. */
  answer: string;
}

interface Row {
  id: number;
  received_at: string;
  method: string;
  url: string;
  raw_headers: string;
  body: Buffer;
  answer: string;
}

/**
 * What the sandbox's demo receiver got, newest first, kept in the data folder, so a newcomer can point a webhook
 * at https://receiver.sandbox.test/… and see each delivery (the `/receiver` page, `GET /__sandbox/received`).
 */
export class Receiver {
  constructor(private readonly db: Db) {
    // The first receiver table kept no raw headers nor raw body: its rows are not carried over.
    db.exec(`DROP TABLE IF EXISTS receiver_requests;
      CREATE TABLE IF NOT EXISTS receiver_log (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT NULL, method TEXT NOT NULL,
        url TEXT NOT NULL, raw_headers TEXT NOT NULL, body BLOB NOT NULL, answer TEXT NOT NULL)`);
  }

  record(entry: { method: string; url: string; rawHeaders: [string, string][]; body: Buffer; answer: string }): void {
    this.db
      .prepare(`INSERT INTO receiver_log (received_at, method, url, raw_headers, body, answer) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(new Date().toISOString(), entry.method, entry.url, JSON.stringify(entry.rawHeaders), entry.body, entry.answer);
  }

  list(limit = 100): ReceivedRequest[] {
    const rows = this.db.prepare(`SELECT * FROM receiver_log ORDER BY id DESC LIMIT ?`).all(limit) as Row[];
    return rows.map((r) => {
      const rawHeaders = JSON.parse(r.raw_headers) as [string, string][];
      const headers = new Headers();
      for (const [name, value] of rawHeaders) headers.append(name, value);
      return {
        id: r.id,
        receivedAt: r.received_at,
        method: r.method,
        url: r.url,
        headers: Object.fromEntries(headers.entries()),
        rawHeaders,
        body: r.body.toString('utf8'),
        bodyBase64: r.body.toString('base64'),
        answer: r.answer,
      };
    });
  }

  clear(): void {
    this.db.prepare(`DELETE FROM receiver_log`).run();
  }
}
