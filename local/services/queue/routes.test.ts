import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, makeRoutes, padded, push, statusOf } from './test-harness';

afterEach(closeAll);

describe('the cyclic invocation limit', () => {
  it('accepts the 1000th push of a chain and answers 405 to the 1001st; another chain is not affected', async () => {
    const { routes, store } = await makeRoutes();
    const statuses: number[] = [];
    for (let i = 0; i < 1001; i++) statuses.push(routes.publish(push([{ body: { i } }]), 'chain-a').response.status);
    expect(statuses.slice(0, 1000).every((s) => s === 201)).toBe(true);
    expect(statuses[1000]).toBe(405);
    expect(routes.publish(push([{ body: {} }]), 'chain-b').response.status).toBe(201);
    expect(store.list().filter((e) => e.chainId === 'chain-a')).toHaveLength(1000);
  });

  it('counts only accepted pushes, and keeps the count across a restart on the same data folder', async () => {
    const first = await makeRoutes();
    for (let i = 0; i < 999; i++) first.routes.publish(push([{ body: {} }]), 'chain');
    expect(first.routes.publish(push([padded(204_801)]), 'chain').response.status).toBe(413);
    first.db.close();
    const second = await makeRoutes({}, first.dir);
    expect([
      second.routes.publish(push([{ body: {} }]), 'chain').response.status,
      second.routes.publish(push([{ body: {} }]), 'chain').response.status,
    ]).toEqual([201, 405]);
  });

  it('gives pushed events the chain of the push, so their consumers push within it', async () => {
    const { routes, store } = await makeRoutes();
    routes.publish(push([{ body: { a: 1 } }, { body: { a: 2 } }]), 'root-invocation');
    expect(store.list().map((e) => e.chainId)).toEqual(['root-invocation', 'root-invocation']);
  });
});

describe('per-event size for a long-running consumer', () => {
  it('accepts an event of exactly 100 KB and refuses one byte more with 413, storing nothing', async () => {
    const { routes, store } = await makeRoutes();
    expect(routes.publish(push([padded(102_400)], 'long')).response.status).toBe(201);
    expect(await statusOf(routes.publish(push([padded(102_401), { body: {} }], 'long')))).toEqual({
      status: 413,
      body: JSON.stringify({ errorMessage: 'Event 0 exceeds 100 KB, the limit for a consumer whose timeoutSeconds is over 55' }),
    });
    expect(store.list()).toHaveLength(1);
  });

  it('lets a consumer with the default timeout take a 150 KB event', async () => {
    const { routes } = await makeRoutes();
    expect(routes.publish(push([padded(150_000)], 'work')).response.status).toBe(201);
  });

  it('as a partial failure, stores the other events and names the refused one (202)', async () => {
    const { routes, store } = await makeRoutes({ oversizedEventAnswer: 'partial-failure' });
    const answer = routes.publish(push([{ body: { keep: 1 } }, padded(102_401)], 'long'));
    expect({ ...(await statusOf(answer)), events: answer.events }).toEqual({
      status: 202,
      body: JSON.stringify({
        failedEvents: [{ index: 1, errorMessage: 'Event 1 exceeds 100 KB, the limit for a consumer whose timeoutSeconds is over 55' }],
      }),
      events: 1,
    });
    expect(store.list().map((e) => e.body)).toEqual([{ keep: 1 }]);
  });
});

describe('the push request', () => {
  it('runs a fractional delay no sooner than asked', async () => {
    const { routes, store, clock } = await makeRoutes();
    routes.publish(push([{ body: {}, delayInSeconds: 2.5 }]));
    expect(store.list().map((e) => [e.runAt - clock.now, e.delayInSeconds])).toEqual([[2500, 2.5]]);
  });

  it('answers 400 naming the field of a delay over 900 s', async () => {
    const { routes } = await makeRoutes();
    const answer = await statusOf(routes.publish(push([{ body: {}, delayInSeconds: 901 }])));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('payload.0.delayInSeconds');
  });

  it('answers 429 to the 501st event of a minute, and takes events again a minute later', async () => {
    const { routes, clock } = await makeRoutes({ eventsPerMinute: 500 });
    const fifty = Array.from({ length: 50 }, () => ({ body: {} }));
    const statuses = Array.from({ length: 10 }, () => routes.publish(push(fifty)).response.status);
    expect([...statuses, routes.publish(push([{ body: {} }])).response.status]).toEqual([...Array<number>(10).fill(201), 429]);
    clock.now += 60_000;
    expect(routes.publish(push([{ body: {} }])).response.status).toBe(201);
  });
});
