import { describe, expect, it } from 'vitest';
import type { WebhookInput } from '../../contract/webhooks';
import { checkWebhookInput, MAX_FILTER_ITEMS, NAME_MAX_CHARS } from './webhook-rules';

const URL = 'https://hooks.example.com/projectrak';
const errorsOf = (input: Partial<WebhookInput>) => {
  const result = checkWebhookInput({ name: 'Ops', url: URL, ...input });
  return result.ok ? [] : result.errors;
};

describe('checkWebhookInput: what a valid webhook becomes', () => {
  it('trims the name and URL and fills the defaults: enabled, all projects and fields, no headers, any order', () => {
    expect(checkWebhookInput({ name: '  Ops  ', url: ` ${URL} ` })).toEqual({
      ok: true,
      webhook: { name: 'Ops', url: URL, enabled: true, filters: { projects: null, fields: null }, headers: [], strictOrder: false },
    });
  });

  it('keeps what was chosen, header names trimmed', () => {
    const input: WebhookInput = {
      name: 'Ops',
      url: URL,
      enabled: false,
      filters: { projects: ['10000', '10001'], fields: [1001] },
      headers: [{ name: ' Authorization ', value: 'Bearer t' }],
      strictOrder: true,
    };
    expect(checkWebhookInput(input)).toEqual({
      ok: true,
      webhook: {
        name: 'Ops',
        url: URL,
        enabled: false,
        filters: { projects: ['10000', '10001'], fields: [1001] },
        headers: [{ name: 'Authorization', value: 'Bearer t' }],
        strictOrder: true,
      },
    });
  });

  it('reads filters given as null or left out as "all"', () => {
    const result = checkWebhookInput({ name: 'Ops', url: URL, filters: { projects: null } });
    expect(result.ok && result.webhook.filters).toEqual({ projects: null, fields: null });
  });
});

describe('checkWebhookInput: the name', () => {
  const nameError = { field: 'name', code: 'INVALID_NAME', message: 'name: must be 1 to 100 characters' };
  it(`takes 1 to ${NAME_MAX_CHARS} characters after trimming`, () => {
    expect(NAME_MAX_CHARS).toEqual(100);
    expect([errorsOf({ name: 'a' }), errorsOf({ name: ` ${'a'.repeat(100)} ` })]).toEqual([[], []]);
  });
  it('refuses an empty, blank or too long name', () => {
    expect([errorsOf({ name: '' }), errorsOf({ name: '   ' }), errorsOf({ name: 'a'.repeat(101) })]).toEqual([[nameError], [nameError], [nameError]]);
  });
});

describe('checkWebhookInput: the URL', () => {
  it('refuses by the rule of the URL policy, as an upper-case code', () => {
    expect(errorsOf({ url: 'http://hooks.example.com/x' })).toEqual([
      { field: 'url', code: 'URL_HTTPS_ONLY', message: 'url: must use https:// (Forge sends only HTTPS), not http' },
    ]);
    expect(errorsOf({ url: 'https://10.0.0.1/' })).toEqual([
      { field: 'url', code: 'URL_PRIVATE_ADDRESS', message: 'url: points at a private address (10/8, 172.16/12, 192.168/16)' },
    ]);
    expect(errorsOf({ url: 'https://intranet/' })[0]?.code).toEqual('URL_LOCAL_NAME');
  });
});

describe('checkWebhookInput: the filters', () => {
  it(`takes 1 to ${MAX_FILTER_ITEMS} distinct items`, () => {
    expect(MAX_FILTER_ITEMS).toEqual(200);
    const fields = Array.from({ length: 200 }, (_, i) => i);
    expect(errorsOf({ filters: { projects: ['1'], fields } })).toEqual([]);
  });
  it('refuses an empty filter, one too long, and a repeated item, naming the filter', () => {
    expect(errorsOf({ filters: { projects: [], fields: Array.from({ length: 201 }, (_, i) => i) } })).toEqual([
      { field: 'filters.projects', code: 'EMPTY_FILTER', message: 'filters.projects: choose at least one, or leave the filter off to send all' },
      { field: 'filters.fields', code: 'TOO_MANY_ITEMS', message: 'filters.fields: at most 200' },
    ]);
    expect(errorsOf({ filters: { projects: ['1', '2', '1'], fields: [3, 3] } })).toEqual([
      { field: 'filters.projects', code: 'DUPLICATE_ITEM', message: 'filters.projects: an item is given more than once' },
      { field: 'filters.fields', code: 'DUPLICATE_ITEM', message: 'filters.fields: an item is given more than once' },
    ]);
  });
});

describe('checkWebhookInput: every refusal at once', () => {
  it('lists name, URL, filter and header refusals together, in that order', () => {
    expect(
      errorsOf({ name: '', url: 'ftp://x.example.com/', filters: { fields: [] }, headers: [{ name: 'Host', value: 'h' }] }).map((e) => e.code),
    ).toEqual(['INVALID_NAME', 'URL_HTTPS_ONLY', 'EMPTY_FILTER', 'RESERVED_HEADER']);
  });
});
