import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import type { Receiver } from './receiver';
import { answerReceiverRequest } from './receiver-answers';
import type { ReceiverOptions } from './receiver-answers';

export interface ReceiverServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The demo receiver on a real socket on 127.0.0.1 (an ephemeral port), where the egress layer sends what the app
 * asks of https://receiver.sandbox.test: the app's fetch meets a real connection, which can hang or be reset.
 * Requests arrive with the `Host` the app used, and are recorded with the https URL it asked for.
 */
export async function startReceiverServer(receiver: Receiver, options: ReceiverOptions = {}): Promise<ReceiverServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    answerReceiverRequest(req, res, receiver, options, `https://${req.headers.host ?? 'receiver.sandbox.test'}`).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        // `/hang` keeps its connection open for ever: close them all, or close() would wait for them.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
