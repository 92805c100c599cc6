import type { Db } from '../data/db';

export const RECEIVER_HOST = 'receiver.sandbox.test';

export interface ReceivedRequest {
  id: number;
  receivedAt: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The sandbox's built-in demo receiver: it answers 200 to anything and keeps what it received,
 * so a newcomer can point a webhook at https://receiver.sandbox.test/… and see the delivery.
 */
export class Receiver {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS receiver_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT NULL,
      method TEXT NOT NULL, url TEXT NOT NULL, headers TEXT NOT NULL, body TEXT NOT NULL)`);
  }

  async record(request: Request): Promise<Response> {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const body = await request.text();
    this.db
      .prepare(`INSERT INTO receiver_requests (received_at, method, url, headers, body) VALUES (?, ?, ?, ?, ?)`)
      .run(new Date().toISOString(), request.method, request.url, JSON.stringify(headers), body);
    return new Response(JSON.stringify({ received: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  }

  list(limit = 100): ReceivedRequest[] {
    const rows = this.db.prepare(`SELECT * FROM receiver_requests ORDER BY id DESC LIMIT ?`).all(limit) as {
      id: number;
      received_at: string;
      method: string;
      url: string;
      headers: string;
      body: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      method: r.method,
      url: r.url,
      headers: JSON.parse(r.headers) as Record<string, string>,
      body: r.body,
    }));
  }

  clear(): void {
    this.db.prepare(`DELETE FROM receiver_requests`).run();
  }
}
