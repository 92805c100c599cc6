import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, inputOf } from './webhook-draft';
import type { WebhookDraft } from './webhook-draft';

const makeDraft = (overrides: Partial<WebhookDraft> = {}): WebhookDraft => ({
  ...draftOf(),
  name: 'CRM',
  url: 'https://hooks.example.com/x',
  ...overrides,
});

describe('inputOf', () => {
  it('sends null filters for all, the chosen ids otherwise, and a saved header left empty without a value', () => {
    const draft = makeDraft({
      name: ' CRM ',
      allProjects: false,
      projects: ['10000'],
      headers: [
        { name: 'Authorization', value: '', saved: true },
        { name: 'X-Team', value: 'blue', saved: false },
      ],
      strictOrder: true,
    });
    expect(inputOf(draft)).toEqual({
      name: 'CRM',
      url: 'https://hooks.example.com/x',
      filters: { projects: ['10000'], fields: null },
      headers: [{ name: 'Authorization' }, { name: 'X-Team', value: 'blue' }],
      strictOrder: true,
    });
  });
});

describe('checkDraft', () => {
  it('accepts a plain https webhook', () => {
    expect(checkDraft(makeDraft())).toEqual({});
  });

  it('names each problem under the key Projectrak uses for it', () => {
    const draft = makeDraft({
      name: ' ',
      url: 'http://hooks.example.com',
      allFields: false,
      headers: [
        { name: 'X-Key', value: '', saved: false },
        { name: 'x-key', value: 'a', saved: false },
        { name: 'bad name', value: 'a', saved: false },
      ],
    });
    expect(checkDraft(draft)).toEqual({
      name: 'Give the webhook a name, such as the system it feeds.',
      url: 'Use an https:// URL: Forge sends webhooks over HTTPS only.',
      'filters.fields': 'Choose at least one field, or send every field.',
      'headers.0': 'Give X-Key a value.',
      'headers.1': 'x-key is given twice.',
      'headers.2': 'Use a header name of letters, digits and dashes, such as X-Api-Key.',
    });
    expect(checkDraft(makeDraft({ url: 'hooks.example.com' })).url).toBe('Enter the whole URL, such as https://hooks.example.com/projectrak.');
    expect(checkDraft(makeDraft({ url: 'https://u:p@hooks.example.com' })).url).toBe(
      'Leave credentials out of the URL; send them in a custom header instead.',
    );
  });
});
