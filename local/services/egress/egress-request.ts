import { z } from 'zod';

/**
 * The payloads of `permissions.egress.*` from @forge/bridge 7 (`out/permissions/types.d.ts`), checked as the
 * platform checks them (docs/forge-platform.md, "Egress").
 */
export const EGRESS_TYPES = ['FETCH_BACKEND_SIDE', 'FETCH_CLIENT_SIDE', 'FONTS', 'FRAMES', 'IMAGES', 'MEDIA', 'SCRIPTS', 'STYLES'] as const;
export type EgressType = (typeof EGRESS_TYPES)[number];

/** Answered like the platform's API: 400 malformed or over a limit, 403 not allowed, 422 duplicates or bad URLs. */
export class EgressRequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 422,
    message: string,
  ) {
    super(message);
  }
}

const egressType = z.enum(EGRESS_TYPES);
const HOST = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/i;

/** A domain is `*`, or a URL such as `https://api.example.com` (a leading `*.` label allowed), as the docs write it. */
export function domainProblem(domain: string): string | undefined {
  if (domain === '*') return undefined;
  const scheme = /^(https?):\/\//i.exec(domain);
  if (!scheme) return `'${domain}' is not a URL such as https://api.example.com, nor *`;
  let url: URL;
  try {
    url = new URL(domain);
  } catch {
    return `'${domain}' is not a valid URL`;
  }
  if (!HOST.test(url.hostname) || (url.hostname.startsWith('*.') && !url.hostname.slice(2).includes('.'))) {
    return `'${domain}' does not name a host such as api.example.com or *.example.com`;
  }
  if (url.username || url.password || url.search || url.hash) return `'${domain}' may not hold credentials, a query or a fragment`;
  return undefined;
}

export const egressSetPayload = z.object({
  egresses: z
    .array(
      z.object({
        key: z.string({ error: 'key is required' }).min(1, 'key is required'),
        description: z.string({ error: 'description is required' }).min(1, 'description is required'),
        configured: z.array(
          z.object({
            domain: z.string({ error: 'domain is required' }).min(1, 'domain is required'),
            type: z.array(egressType, { error: 'type is a list of egress types' }).min(1, 'type: at least one egress type'),
          }),
        ),
      }),
    )
    .min(1, 'egresses: at least one group'),
});
export type EgressSetPayload = z.infer<typeof egressSetPayload>;

export const egressGetPayload = z
  .object({
    keys: z.array(z.string()).optional(),
    // The range is not documented; 1–100 is the host's choice (docs/forge-platform.md, "Egress").
    pageSize: z.number().int().min(1).max(100).optional(),
    nextPageToken: z.string().optional(),
  })
  .nullish()
  .transform((p) => p ?? {});

export const egressDeleteDomainPayload = z.object({ key: z.string().min(1), domain: z.string().min(1), type: egressType });
export const egressDeleteGroupPayload = z.object({ key: z.string().min(1) });

/** A zod refusal as a 400 naming the field and the reason. */
export function parseOr400<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new EgressRequestError(400, `Invalid ${what}: ${field}${issue?.message ?? 'malformed'}`);
}
