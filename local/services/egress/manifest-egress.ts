import { z } from 'zod';
import type { Manifest } from '../../runtime/manifest';

const addresses = z.array(z.union([z.string(), z.looseObject({ address: z.string() }).transform((a) => a.address)])).default([]);
const external = z
  .looseObject({
    fetch: z.looseObject({ backend: addresses, client: addresses }).optional(),
    fonts: addresses,
    styles: addresses,
    frames: addresses,
    images: addresses,
    media: addresses,
    scripts: addresses,
  })
  .optional();

/**
 * The manifest's static egress: the backend fetch entries, and how many domain-type entries of other types it
 * declares (they count toward the 40 entries an installation may have: docs/forge-platform.md, "Egress").
 */
export function staticEntries(manifest: Manifest): { backend: string[]; otherPairs: number } {
  const parsed = external.safeParse(manifest.permissions.external);
  if (!parsed.success || !parsed.data) return { backend: [], otherPairs: 0 };
  const e = parsed.data;
  const others: [string, string[]][] = [
    ['FETCH_CLIENT_SIDE', e.fetch?.client ?? []],
    ['FONTS', e.fonts],
    ['STYLES', e.styles],
    ['FRAMES', e.frames],
    ['IMAGES', e.images],
    ['MEDIA', e.media],
    ['SCRIPTS', e.scripts],
  ];
  const pairs = new Set(others.flatMap(([type, list]) => list.map((domain) => `${domain} ${type}`)));
  return { backend: e.fetch?.backend ?? [], otherPairs: pairs.size };
}
