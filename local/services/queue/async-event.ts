import type { QueuedEvent } from './store';

/** The event a consumer receives, shaped as @forge/events 3 documents AsyncEvent (with RetryContext on retries). */
export function asyncEventOf(event: QueuedEvent, now: number): Record<string, unknown> {
  return {
    queueName: event.queue,
    jobId: event.jobId,
    eventId: event.id,
    body: event.body,
    ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
    ...(event.concurrency ? { concurrency: event.concurrency } : {}),
    ...(event.retryCount > 0
      ? {
          retryContext: {
            retryCount: event.retryCount,
            retryReason: event.retryReason,
            retryData: event.retryData,
            retentionWindow: { startTime: new Date(event.createdAt).toISOString(), remainingTimeMs: Math.max(0, event.expiresAt - now) },
          },
        }
      : {}),
  };
}
