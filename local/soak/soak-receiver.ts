import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface SoakReceiverOptions {
  /** Share of requests answered with a failure, in percent (of which `hangPercent` never answered). */
  failPercent: number;
  hangPercent: number;
  random?: () => number;
}

export interface SoakReceiver {
  port: number;
  /** Per path, the `webhook-id`s answered 200 (delivered). */
  delivered: Map<string, Set<string>>;
  counts: { requests: number; ok: number; failed: number; hung: number };
  close(): Promise<void>;
}

/**
 * A receiver that fails at random: `hangPercent` of requests are never answered (the sender's 15 s time limit ends
 * them), the rest of `failPercent` get a 500, the others a 200. It keeps only what it needs to count what arrived:
 * the webhook-ids it answered 200, per path.
 */
export async function startSoakReceiver(options: SoakReceiverOptions): Promise<SoakReceiver> {
  const random = options.random ?? Math.random;
  const delivered = new Map<string, Set<string>>();
  const counts = { requests: 0, ok: 0, failed: 0, hung: 0 };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      counts.requests++;
      const roll = random() * 100;
      if (roll < options.hangPercent) return void counts.hung++;
      if (roll < options.failPercent) {
        counts.failed++;
        res.writeHead(500, { 'content-type': 'application/json' });
        return void res.end('{"error":"soak failure"}');
      }
      counts.ok++;
      const path = new URL(req.url ?? '/', 'https://receiver').pathname;
      const ids = delivered.get(path) ?? new Set<string>();
      delivered.set(path, ids.add(String(req.headers['webhook-id'])));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    delivered,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests keep their connections open: close them, or close() would wait for ever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
