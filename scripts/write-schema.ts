import fs from 'node:fs';
import { webhookJsonSchema } from '../src/core/payload/json-schema';

/** `npm run docs:schema`: writes the webhook body's JSON Schema into docs/ (a test checks it is current). */
export const SCHEMA_FILE = 'docs/webhook-payload.schema.json';
fs.writeFileSync(SCHEMA_FILE, `${JSON.stringify(webhookJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_FILE}`);
