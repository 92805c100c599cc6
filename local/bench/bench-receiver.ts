import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrival {
  /** Epoch ms when the request's body had arrived. */
  at: number;
  path: string;
  webhookId: string;
  /** The change's commit time from the body (`data.timestamp`, epoch ms), when it has one. */
  committedAt: number | undefined;
}

export interface BenchReceiver {
  port: number;
  arrivals: Arrival[];
  /** Resolves once `count` requests have arrived in all (or at once if they have). */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const committedAtOf = (body: string): number | undefined => {
  const match = /"timestamp":(\d+)/.exec(body);
  return match ? Number(match[1]) : undefined;
};

/**
 * A receiver on 127.0.0.1 that answers 200 at once and keeps, per request, only when it arrived and what the
 * latency needs: the cheapest counterpart, so what is measured is the sender.
 */
export async function startBenchReceiver(): Promise<BenchReceiver> {
  const arrivals: Arrival[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const header = req.headers['webhook-id'];
      arrivals.push({
        at: Date.now(),
        path: req.url ?? '/',
        webhookId: typeof header === 'string' ? header : '',
        committedAt: committedAtOf(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('ok');
      for (const waiter of waiters.filter((w) => arrivals.length >= w.count)) waiter.resolve();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    arrivals,
    waitFor(count, timeoutMs) {
      if (arrivals.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${arrivals.length} of ${count} requests arrived in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
