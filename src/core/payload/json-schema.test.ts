import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webhookJsonSchema } from './json-schema';

describe('docs/webhook-payload.schema.json', () => {
  it('is the schema generated from the zod schema the app checks (run npm run docs:schema after a change)', () => {
    const committed: unknown = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/webhook-payload.schema.json'), 'utf8'));
    expect(committed).toEqual(webhookJsonSchema());
  });

  it('is a JSON Schema draft 2020-12 document with its own id and title', () => {
    expect(webhookJsonSchema()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://projectrak.example/schemas/project.fields.updated.json',
      title: 'Projectrak project.fields.updated webhook',
      type: 'object',
      required: ['type', 'timestamp', 'data'],
      additionalProperties: false,
    });
  });
});
