import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webTriggerId } from '../../local/server/webtrigger-route';
import { rawRequest, startEgressSandbox } from './support/egress-host';

let sandbox: Awaited<ReturnType<typeof startEgressSandbox>>;
beforeAll(async () => {
  sandbox = await startEgressSandbox();
});
afterAll(async () => sandbox?.close());

const urlOf = (key: string) => sandbox.server.webTriggerUrl(key)!;
const echoed = (answer: { body: string }) => JSON.parse(answer.body) as Record<string, unknown>;

describe('web trigger URLs', () => {
  it('are shaped by urlFormat: v2 → /public/<id>, none (v1) → /x1/<id>, the id stable per installation and key', () => {
    const id = webTriggerId(sandbox.host.app.installationId, 'echo-v2');
    expect(id).toMatch(/^[0-9A-Za-z]{25}$/);
    expect(urlOf('echo-v2')).toBe(`${sandbox.server.url}/public/${id}`);
    expect(urlOf('echo-v1')).toBe(`${sandbox.server.url}/x1/${webTriggerId(sandbox.host.app.installationId, 'echo-v1')}`);
    expect(webTriggerId('another-installation', 'echo-v2')).not.toBe(id);
    expect(sandbox.server.webTriggerUrl('nope')).toBeUndefined();
  });

  it('answers 404 with a reason for an id or key the manifest does not have, and for the other format’s prefix', async () => {
    const id = webTriggerId(sandbox.host.app.installationId, 'echo-v2');
    expect(await rawRequest(`${sandbox.server.url}/public/AAAAAAAAAAAAAAAAAAAAAAAAA`)).toMatchObject({
      status: 404,
      body: expect.stringContaining('no webtrigger'),
    });
    expect((await rawRequest(`${sandbox.server.url}/x1/${id}`)).status).toBe(404);
    expect((await rawRequest(`${sandbox.server.url}/webtrigger/nope`)).status).toBe(404);
  });
});

describe('the request a web trigger gets, as Forge builds it', () => {
  it('keeps header names as sent, lists repeated headers, gives path and userPath, splits query values on commas', async () => {
    const base = new URL(urlOf('echo-v2'));
    const answer = await rawRequest(`${base.href}/hello/world?apples=green,red&grapes=green&apples=blue&note=a%2Cb&empty=`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'text/plain'],
        ['Authorization', 'Bearer abc'],
        ['X-Trace', 'one'],
        ['X-Trace', 'two'],
      ],
      body: 'hello',
    });
    expect(answer.status).toBe(200);
    const request = echoed(answer);
    expect(request).toMatchObject({
      method: 'POST',
      path: `${base.pathname}/hello/world`,
      userPath: '/hello/world',
      queryParameters: { apples: ['green', 'red', 'blue'], grapes: ['green'], note: ['a,b'], empty: [''] },
      body: 'hello',
    });
    const headers = request.headers as Record<string, string[]>;
    expect(headers['Content-Type']).toEqual(['text/plain']);
    expect(headers.Authorization).toEqual(['Bearer abc']);
    expect(headers['X-Trace']).toEqual(['one', 'two']);
    expect(headers['content-type']).toBeUndefined();
    expect(answer.rawHeaders.filter((_, i, all) => all[i - 1] === 'X-Probe')).toEqual(['echo', 'twice']);
  });

  it('gives userPath "" without extra segments, and the Forge path when called at the /webtrigger/<key> shortcut', async () => {
    const base = new URL(urlOf('echo-v2'));
    expect(echoed(await rawRequest(base.href))).toMatchObject({ path: base.pathname, userPath: '', queryParameters: {} });
    expect(echoed(await rawRequest(`${sandbox.server.url}/webtrigger/echo-v2/a/b?x=1`))).toMatchObject({
      path: `${base.pathname}/a/b`,
      userPath: '/a/b',
      queryParameters: { x: ['1'] },
    });
  });

  it('can split encoded commas too, for apps that must work either way', async () => {
    const other = await startEgressSandbox({ webTriggers: { splitEncodedCommas: true } });
    try {
      const answer = await rawRequest(`${other.server.webTriggerUrl('echo-v2')!}?note=a%2Cb`);
      expect(echoed(answer).queryParameters).toEqual({ note: ['a', 'b'] });
    } finally {
      await other.close();
    }
  });
});

describe('the response Forge forms from the handler’s result', () => {
  it('answers 500 when the handler returns no statusCode, or throws', async () => {
    const noStatus = await rawRequest(urlOf('no-status'));
    expect(noStatus.status).toBe(500);
    expect(JSON.parse(noStatus.body)).toEqual({ message: expect.stringContaining('statusCode') as unknown });
    const thrown = await rawRequest(urlOf('throws'));
    expect(thrown.status).toBe(500);
    expect(JSON.parse(thrown.body)).toEqual({ message: expect.stringContaining('failing on purpose') as unknown });
  });

  it('a static trigger answers the manifest output its result names', async () => {
    const answer = await rawRequest(urlOf('static-answer'), { method: 'POST', body: '{}' });
    expect({ status: answer.status, type: answer.headers['content-type'], body: answer.body }).toEqual({
      status: 202,
      type: 'text/plain',
      body: 'accepted',
    });
  });
});

describe('request size', () => {
  it("refuses a request over Forge's 5 MB web trigger limit with 413 and a reason, and takes one just under it", async () => {
    const over = await rawRequest(urlOf('echo-v2'), { method: 'POST', body: Buffer.alloc(5_000_001, 'a') });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ message: expect.stringContaining('5000000') as unknown });
    // Within the limit as a body, but over it once headers and the rest of the request are counted.
    const serialisedOver = await rawRequest(urlOf('echo-v2'), { method: 'POST', body: Buffer.alloc(4_999_990, 'a') });
    expect(serialisedOver.status).toBe(413);
    const under = await rawRequest(urlOf('echo-v2'), { method: 'POST', body: Buffer.alloc(4_000_000, 'a') });
    expect(under.status).toBe(200);
  });
});
