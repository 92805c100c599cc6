import { z } from 'zod';

/** What a `webtrigger` handler gets (docs/forge-platform.md, "Web triggers"). */
export interface WebTriggerRequest {
  method: string;
  /** The path the caller sent, e.g. `/public/<id>/hooks/1`. */
  path: string;
  /** What follows the trigger's id in the path: `/hooks/1`, or `''`. */
  userPath: string;
  /** Each header as the caller wrote its name, with its values. */
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
}

export interface WebTriggerResponse {
  statusCode: number;
  statusText?: string;
  headers: Record<string, string[]>;
  body: string;
}

const dynamicResponse = z.looseObject({
  statusCode: z.number().int().min(100).max(599),
  statusText: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});
const staticOutput = z.looseObject({
  key: z.string(),
  statusCode: z.number().int(),
  contentType: z.string().optional(),
  body: z.string().optional(),
});
const responseConfig = z
  .looseObject({ type: z.enum(['static', 'dynamic']).optional(), outputs: z.array(staticOutput).optional() })
  .optional()
  .catch(undefined);

/** The platform's own answer when the handler's result does not fit: Forge sends a 500 (its body is the host's). */
export function platformFailure(message: string): WebTriggerResponse {
  return { statusCode: 500, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify({ message }) };
}

/**
 * The HTTP response Forge forms from a handler's result. Dynamic triggers return `{ statusCode, headers?, body?,
 * statusText? }`; static ones return `{ outputKey }`, naming one of the manifest's `response.outputs`. Anything
 * else — no `statusCode` included — is answered 500, as Forge does.
 */
export function webTriggerResponse(moduleEntry: Record<string, unknown>, result: unknown): { response: WebTriggerResponse } | { unfit: string } {
  const config = responseConfig.parse(moduleEntry.response);
  const key = String(moduleEntry.key);
  if (config?.type === 'static') {
    const outputKey = (result as { outputKey?: unknown } | null | undefined)?.outputKey;
    const output = config.outputs?.find((o) => o.key === outputKey);
    if (!output)
      return { unfit: `web trigger '${key}' is static: its result must name one of its outputs as outputKey (got ${JSON.stringify(outputKey)})` };
    return {
      response: {
        statusCode: output.statusCode,
        headers: output.contentType ? { 'Content-Type': [output.contentType] } : {},
        body: output.body ?? '',
      },
    };
  }
  const parsed = dynamicResponse.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'result';
    return { unfit: `web trigger '${key}' returned a result Forge cannot answer with: ${field}: ${issue?.message ?? 'invalid'}` };
  }
  const { statusCode, statusText, headers, body } = parsed.data;
  return { response: { statusCode, ...(statusText === undefined ? {} : { statusText }), headers: headers ?? {}, body: body ?? '' } };
}
