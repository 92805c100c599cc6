import { afterEach, describe, expect, it } from 'vitest';
import { PUSHES_PER_CHAIN } from './push-chains';
import { closeAll, makeRoutes, padded, push, statusOf } from './test-harness';

afterEach(closeAll);

const answerOf = async (answer: { response: Response; events?: number }) => ({
  ...(await statusOf(answer)),
  type: answer.response.headers.get('content-type'),
  ...(answer.events === undefined ? {} : { events: answer.events }),
});
const json = 'application/json';

describe('what a push is answered with', () => {
  it('201 with no body when every event was taken, each kept for the retention window from the push', async () => {
    const { routes, store, clock } = await makeRoutes({ retentionMs: 5000 });
    expect(await answerOf(routes.publish(push([{ body: { a: 1 } }, { body: { a: 2 } }])))).toEqual({ status: 201, body: '', type: null, events: 2 });
    expect(store.list().map((e) => [e.status, e.createdAt, e.expiresAt])).toEqual([
      ['pending', clock.now, clock.now + 5000],
      ['pending', clock.now, clock.now + 5000],
    ]);
  });

  it('400 naming the field and the reason of a malformed push, storing nothing', async () => {
    const { routes, store } = await makeRoutes();
    expect(await answerOf(routes.publish({ queueName: 'work', jobId: 'j', payload: [] }))).toEqual({
      status: 400,
      body: JSON.stringify({ message: 'Invalid push request: payload: Too small: expected array to have >=1 items' }),
      type: json,
      events: 0,
    });
    expect(store.list()).toEqual([]);
  });

  it('405 once the chain pushed 1000 times, 413 over 200 KB, 429 over the events of a minute', async () => {
    const { routes, chains } = await makeRoutes({ eventsPerMinute: 1 });
    for (let i = 0; i < PUSHES_PER_CHAIN; i++) chains.count('spent');
    expect(await answerOf(routes.publish(push([{ body: {} }]), 'spent'))).toEqual({
      status: 405,
      body: JSON.stringify({ message: 'This chain of invocations already pushed 1000 times' }),
      type: json,
      events: 0,
    });
    expect(await answerOf(routes.publish(push([padded(204_799)])))).toEqual({
      status: 413,
      body: JSON.stringify({ errorMessage: 'The combined payload exceeds 200 KB' }),
      type: json,
      events: 0,
    });
    expect(await answerOf(routes.publish(push([{ body: {} }, { body: {} }])))).toEqual({
      status: 429,
      body: JSON.stringify({ message: 'Rate limit exceeded' }),
      type: json,
      events: 0,
    });
  });

  it('a partial failure refusing every event stores none and does not count as a push of the chain', async () => {
    const { routes, store, chains } = await makeRoutes({ oversizedEventAnswer: 'partial-failure' });
    const answer = routes.publish(push([padded(102_401)], 'long'), 'chain');
    expect({ status: answer.response.status, events: answer.events }).toEqual({ status: 202, events: 0 });
    expect({ stored: store.list().length, pushes: chains.pushes('chain') }).toEqual({ stored: 0, pushes: 0 });
  });

  it('refuses the whole push for an oversized event, naming it by its index', async () => {
    const { routes } = await makeRoutes();
    const answer = await statusOf(routes.publish(push([{ body: {} }, padded(102_401), { body: {} }], 'long')));
    expect(answer).toEqual({
      status: 413,
      body: JSON.stringify({ errorMessage: 'Event 1 exceeds 100 KB, the limit for a consumer whose timeoutSeconds is over 55' }),
    });
  });

  it('records the events of a queue no consumer listens to as dead, and leaves other queues alone', async () => {
    const { routes, store } = await makeRoutes({ hasConsumer: (queue) => queue === 'work' });
    routes.publish(push([{ body: { n: 1 } }], 'work'));
    routes.publish(push([{ body: { n: 2 } }], 'nobody'));
    expect(store.list().map((e) => [e.queue, e.status, e.lastError])).toEqual([
      ['work', 'pending', undefined],
      ['nobody', 'dead', "no consumer for queue 'nobody' in manifest.yml"],
    ]);
  });
});

describe('job stats and cancellation', () => {
  it('count a job’s events, 404 for an unknown job, 400 for a request without a job id', async () => {
    const { routes, store } = await makeRoutes();
    routes.publish({ queueName: 'work', jobId: 'job-a', payload: [{ body: {} }, { body: {} }] });
    store.finish(store.list()[0]!.id, 'succeeded');
    expect(await answerOf({ response: routes.stats({ queueName: 'work', jobId: 'job-a' }) })).toEqual({
      status: 200,
      body: JSON.stringify({ success: 1, inProgress: 1, failed: 0 }),
      type: json,
    });
    expect(await answerOf({ response: routes.stats({ queueName: 'work', jobId: 'job-b' }) })).toEqual({ status: 404, body: '', type: null });
    expect(await answerOf({ response: routes.stats({ queueName: 'work', jobId: '' }) })).toEqual({
      status: 400,
      body: JSON.stringify({ message: 'Invalid stats request' }),
      type: json,
    });
  });

  it('cancel a job’s pending events (204), 404 for an unknown job, 400 for a request without a job id', async () => {
    const { routes, store } = await makeRoutes();
    routes.publish({ queueName: 'work', jobId: 'job-a', payload: [{ body: {} }] });
    expect(await answerOf({ response: routes.cancel({ queueName: 'work', jobId: 'job-a' }) })).toEqual({ status: 204, body: '', type: null });
    expect(store.list().map((e) => e.status)).toEqual(['cancelled']);
    expect(await answerOf({ response: routes.cancel({ queueName: 'work', jobId: 'job-b' }) })).toEqual({ status: 404, body: '', type: null });
    expect(await answerOf({ response: routes.cancel({ jobId: 'job-a' }) })).toEqual({
      status: 400,
      body: JSON.stringify({ message: 'Invalid cancel request' }),
      type: json,
    });
  });
});
