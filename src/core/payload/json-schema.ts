import { z } from 'zod';
import { webhookBody } from './payload-schema';

/** The webhook body's JSON Schema (draft 2020-12), generated from the zod schema the app itself checks. */
export function webhookJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(webhookBody, { target: 'draft-2020-12' }),
    $id: 'https://projectrak.example/schemas/project.fields.updated.json',
    title: 'Projectrak project.fields.updated webhook',
  };
}
