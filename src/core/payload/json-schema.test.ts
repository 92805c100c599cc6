import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webhookJsonSchema } from './json-schema';

describe('docs/webhook-payload.schema.json', () => {
  it('is the schema generated from the zod schema the app checks (run npm run docs:schema after a change)', () => {
    const committed: unknown = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/webhook-payload.schema.json'), 'utf8'));
    expect(committed).toEqual(webhookJsonSchema());
  });
});
