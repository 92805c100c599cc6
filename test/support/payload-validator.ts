import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

// The JSON Schema receivers get from docs/, not the zod schema it was generated from.
const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/webhook-payload.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Asserts that a body conforms to docs/webhook-payload.schema.json, showing every violation when not. */
export function expectValidPayload(body: unknown): void {
  const valid = validate(body);
  expect(valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)).toEqual([]);
}
