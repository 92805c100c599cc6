import { MAX_CUSTOM_HEADERS } from '../../../src/contract/webhooks';
import type { WebhookInput, WebhookSummary } from '../../../src/contract/webhooks';

/** A custom header being edited; a saved one's value is never shown again, and is kept while `value` stays empty. */
export interface HeaderDraft {
  name: string;
  value: string;
  saved: boolean;
}

/** The webhook form's values. */
export interface WebhookDraft {
  name: string;
  url: string;
  allProjects: boolean;
  projects: string[];
  allFields: boolean;
  fields: number[];
  headers: HeaderDraft[];
  strictOrder: boolean;
}

export const MAX_HEADERS = MAX_CUSTOM_HEADERS;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function draftOf(webhook?: WebhookSummary): WebhookDraft {
  if (!webhook) return { name: '', url: '', allProjects: true, projects: [], allFields: true, fields: [], headers: [], strictOrder: false };
  return {
    name: webhook.name,
    url: webhook.url,
    allProjects: webhook.filters.projects === null,
    projects: webhook.filters.projects ?? [],
    allFields: webhook.filters.fields === null,
    fields: webhook.filters.fields ?? [],
    headers: webhook.headers.map((h) => ({ name: h.name, value: '', saved: true })),
    strictOrder: webhook.strictOrder,
  };
}

/** What the resolvers take: a saved header left empty is sent without a value, so the saved one is kept. */
export function inputOf(draft: WebhookDraft): WebhookInput {
  return {
    name: draft.name.trim(),
    url: draft.url.trim(),
    filters: { projects: draft.allProjects ? null : draft.projects, fields: draft.allFields ? null : draft.fields },
    headers: draft.headers.map((h) => (h.saved && h.value === '' ? { name: h.name.trim() } : { name: h.name.trim(), value: h.value })),
    strictOrder: draft.strictOrder,
  };
}

/**
 * What the form can tell before asking Projectrak, keyed as the resolvers name refused values (`url`,
 * `filters.projects`, `headers.0`), in an admin's words. Projectrak checks everything again, the URL most of all.
 */
export function checkDraft(draft: WebhookDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the webhook a name, such as the system it feeds.';
  else if (name.length > 100) errors.name = 'Keep the name to 100 characters.';
  const url = draft.url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (url === '') errors.url = 'Enter the receiver’s URL, starting with https://.';
  else if (!parsed) errors.url = 'Enter the whole URL, such as https://hooks.example.com/projectrak.';
  else if (parsed.protocol !== 'https:') errors.url = 'Use an https:// URL: Forge sends webhooks over HTTPS only.';
  else if (parsed.username || parsed.password) errors.url = 'Leave credentials out of the URL; send them in a custom header instead.';
  else if (url.includes('#')) errors.url = 'Leave out the #fragment: it is never sent.';
  if (!draft.allProjects && draft.projects.length === 0) errors['filters.projects'] = 'Choose at least one project, or send changes of all projects.';
  if (!draft.allFields && draft.fields.length === 0) errors['filters.fields'] = 'Choose at least one field, or send every field.';
  const seen = new Set<string>();
  draft.headers.forEach((header, i) => {
    const headerName = header.name.trim();
    const lower = headerName.toLowerCase();
    if (!HEADER_NAME.test(headerName)) errors[`headers.${i}`] = 'Use a header name of letters, digits and dashes, such as X-Api-Key.';
    else if (seen.has(lower)) errors[`headers.${i}`] = `${headerName} is given twice.`;
    else if (!header.saved && header.value === '') errors[`headers.${i}`] = `Give ${headerName} a value.`;
    seen.add(lower);
  });
  return errors;
}
