/**
 * Whether a KVS call was refused by Forge's per-installation rate limits (docs/forge-platform.md, "KVS and custom
 * entities"). `@forge/kvs` throws a ForgeKvsAPIError carrying the HTTP status; the status (429, Too Many Requests)
 * is what the app looks at, not a code, which Forge's pages do not name consistently.
 */
export function isRateLimited(error: unknown): boolean {
  const details = (error as { responseDetails?: { status?: unknown } } | null)?.responseDetails;
  return details?.status === 429;
}
