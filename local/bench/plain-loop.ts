import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { spreadOf } from './stats';
import type { Spread } from './stats';

export interface PlainRun {
  requests: number;
  elapsedMs: number;
  perSecond: number;
  /** Each request's round trip: sent → answered. */
  latencyMs: Spread;
}

/** A body of the shape and size the app sends for a one-field change (docs/webhook-payload.md). */
export function sampleBody(sequence: number, at: number): string {
  return JSON.stringify({
    type: 'project.fields.updated',
    timestamp: new Date(at).toISOString(),
    data: {
      event: 'updated',
      user: '5f8a1c2e9b3d4a0012e4c7a1',
      timestamp: at,
      sequence,
      project: { id: 10000, key: 'DEMO', name: 'Demo project' },
      fields: [
        { id: 6, name: 'Estimated time', type: 'duration', value: { current: String(sequence * 60_000), previous: String((sequence - 1) * 60_000) } },
      ],
    },
  });
}

/**
 * The baseline: `perLane` signed POSTs (Standard Webhooks headers) on each of `secrets.length` lanes at once, each
 * lane one request after the other — as one worker per webhook sends — with Node's fetch straight to the receiver.
 */
export async function runPlainLoop(baseUrl: string, secrets: readonly string[], perLane: number): Promise<PlainRun> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    secrets.map(async (secret, lane) => {
      const signer = new Webhook(secret);
      for (let i = 1; i <= perLane; i++) {
        const at = Date.now();
        const body = sampleBody(i, at);
        const id = `msg_${randomUUID()}`;
        const sent = performance.now();
        const response = await fetch(`${baseUrl}/plain/${lane}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(at / 1000)),
            'webhook-signature': signer.sign(id, new Date(at), body),
          },
          body,
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (response.status !== 200) throw new Error(`the receiver answered ${response.status}`);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const requests = secrets.length * perLane;
  return { requests, elapsedMs, perSecond: requests / (elapsedMs / 1000), latencyMs: spreadOf(latencies) };
}
