import type { FieldError } from '../../contract/fields';
import { MAX_CUSTOM_HEADERS } from '../../contract/webhooks';
import type { WebhookFilters, WebhookInput } from '../../contract/webhooks';
import { checkWebhookUrl } from './url-policy';

export const NAME_MAX_CHARS = 100;
export const HEADER_NAME_MAX_CHARS = 64;
export const HEADER_VALUE_MAX_CHARS = 4096;
export const MAX_FILTER_ITEMS = 200;
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Headers the app sets itself (the body, the signature) or the transport owns: a custom header may not replace them.
 * `Authorization` is allowed: it is what most receivers that need a token ask for.
 */
const RESERVED_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'host',
  'user-agent',
  'connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'keep-alive',
  'forwarded',
  'via',
  'cookie',
];
const RESERVED_PREFIXES = ['webhook-', 'projectrak-', 'proxy-', 'sec-', 'x-forwarded-', 'forge-'];

export interface CheckedWebhook {
  name: string;
  url: string;
  enabled: boolean;
  filters: WebhookFilters;
  /** Names in the order given; a value of undefined keeps the saved one. */
  headers: { name: string; value: string | undefined }[];
  strictOrder: boolean;
}

const refusal = (field: string, code: string, message: string): FieldError => ({ field, code, message: `${field}: ${message}` });

function checkHeaders(headers: WebhookInput['headers'], saved: readonly string[]): FieldError[] {
  const list = headers ?? [];
  if (list.length > MAX_CUSTOM_HEADERS)
    return [refusal('headers', 'TOO_MANY_HEADERS', `at most ${MAX_CUSTOM_HEADERS} custom headers (got ${list.length})`)];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((header, i) => {
    const where = `headers.${i}`;
    const name = header.name.trim();
    const lower = name.toLowerCase();
    if (name === '' || name.length > HEADER_NAME_MAX_CHARS || !HEADER_NAME.test(name))
      errors.push(
        refusal(
          where,
          'INVALID_HEADER',
          `"${name}" is not a header name (letters, digits and - _ . ! # $ % & ' * + ^ \` | ~, at most ${HEADER_NAME_MAX_CHARS})`,
        ),
      );
    else if (RESERVED_HEADERS.includes(lower) || RESERVED_PREFIXES.some((p) => lower.startsWith(p)))
      errors.push(refusal(where, 'RESERVED_HEADER', `${name} is set by Projectrak or the transport and cannot be replaced`));
    else if (seen.has(lower)) errors.push(refusal(where, 'DUPLICATE_HEADER', `${name} is given more than once`));
    seen.add(lower);
    if (header.value === undefined) {
      if (!saved.some((s) => s.toLowerCase() === lower)) errors.push(refusal(where, 'HEADER_VALUE_REQUIRED', `${name} needs a value`));
    } else if (header.value.length > HEADER_VALUE_MAX_CHARS || /[\r\n\0]/.test(header.value))
      errors.push(refusal(where, 'INVALID_HEADER', `the value of ${name} must be one line of at most ${HEADER_VALUE_MAX_CHARS} characters`));
  });
  return errors;
}

function checkFilter<T>(field: string, items: T[] | null | undefined): FieldError[] {
  if (items === null || items === undefined) return [];
  if (items.length === 0) return [refusal(field, 'EMPTY_FILTER', 'choose at least one, or leave the filter off to send all')];
  if (items.length > MAX_FILTER_ITEMS) return [refusal(field, 'TOO_MANY_ITEMS', `at most ${MAX_FILTER_ITEMS}`)];
  return new Set(items).size === items.length ? [] : [refusal(field, 'DUPLICATE_ITEM', 'an item is given more than once')];
}

/**
 * Checks what an admin sent to create or change a webhook, all at once, each refusal naming its field (the URL by
 * the rule of the URL policy that refused it, e.g. `URL_PRIVATE_ADDRESS`).
 */
export function checkWebhookInput(
  input: WebhookInput,
  options: { savedHeaderNames?: readonly string[] } = {},
): { ok: true; webhook: CheckedWebhook } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > NAME_MAX_CHARS) errors.push(refusal('name', 'INVALID_NAME', `must be 1 to ${NAME_MAX_CHARS} characters`));
  const url = input.url.trim();
  const verdict = checkWebhookUrl(url);
  if (!verdict.ok) errors.push(refusal('url', `URL_${verdict.rule.toUpperCase().replace(/-/g, '_')}`, verdict.message));
  errors.push(...checkFilter('filters.projects', input.filters?.projects), ...checkFilter('filters.fields', input.filters?.fields));
  errors.push(...checkHeaders(input.headers, options.savedHeaderNames ?? []));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    webhook: {
      name,
      url,
      enabled: input.enabled ?? true,
      filters: { projects: input.filters?.projects ?? null, fields: input.filters?.fields ?? null },
      headers: (input.headers ?? []).map((h) => ({ name: h.name.trim(), value: h.value })),
      strictOrder: input.strictOrder ?? false,
    },
  };
}
