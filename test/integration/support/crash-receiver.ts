import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One complete request as the receiver got it, in arrival order. */
export interface Receipt {
  path: string;
  webhookId: string;
  attempt: string;
  project: string;
  sequence: number;
}

export interface CrashReceiver {
  port: number;
  receipts: Receipt[];
  /** How many distinct `webhook-id`s arrived so far. */
  unique(): number;
  close(): Promise<void>;
}

/**
 * A webhook receiver in the test's own process: what it got outlives a sandbox killed with SIGKILL, as a real
 * receiver outlives the sender. It keeps a request only once its body arrived whole (a request cut off by the kill
 * was never delivered), then answers 200.
 */
export async function startCrashReceiver(): Promise<CrashReceiver> {
  const receipts: Receipt[] = [];
  const ids = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { project: { key: string }; sequence: number } };
      const webhookId = String(req.headers['webhook-id']);
      receipts.push({
        path: new URL(req.url ?? '/', 'https://receiver').pathname,
        webhookId,
        attempt: String(req.headers['projectrak-attempt']),
        project: body.data.project.key,
        sequence: body.data.sequence,
      });
      ids.add(webhookId);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    receipts,
    unique: () => ids.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
