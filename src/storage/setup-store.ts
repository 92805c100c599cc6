import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { KEYS } from './keys';

/**
 * What setting up an installation has done so far. Forge sends the installed event once and does not retry a
 * trigger that throws (docs/forge-platform.md, "Triggers"), so each step is recorded on its own key and the
 * scheduled maintenance finishes whatever is missing. Once all is done, one small key says so.
 */
const snapshots = z.object({ startedAt: z.number(), doneAt: z.number().optional() });
export type SnapshotsProgress = z.infer<typeof snapshots>;

export async function readInstalledAt(): Promise<string | null> {
  const value: unknown = await kvs.get(KEYS.installedAt);
  return z
    .string()
    .nullable()
    .catch(null)
    .parse(value ?? null);
}

/** First install wins: a repeated setup does not move the date. */
export async function recordInstalledAt(at: Date): Promise<void> {
  await kvs.set(KEYS.installedAt, at.toISOString(), { keyPolicy: 'FAIL_IF_EXISTS' }).catch(async (error: unknown) => {
    if ((await readInstalledAt()) === null) throw error;
  });
}

export async function readSnapshotsProgress(): Promise<SnapshotsProgress | undefined> {
  const value: unknown = await kvs.get(KEYS.snapshots);
  return value === undefined ? undefined : snapshots.parse(value);
}

export async function recordSnapshotsProgress(progress: SnapshotsProgress): Promise<void> {
  await kvs.set(KEYS.snapshots, progress);
}

/** Set once setup is complete; it also says when the delivery logs were last kept to their newest entries. */
const setupMarker = z.object({ doneAt: z.number(), logsPrunedAt: z.number() });
export type SetupMarker = z.infer<typeof setupMarker>;

export async function readSetupMarker(): Promise<SetupMarker | undefined> {
  const value: unknown = await kvs.get(KEYS.setupDone);
  if (value === undefined) return undefined;
  // The first form of the marker was the time alone.
  return typeof value === 'number' ? { doneAt: value, logsPrunedAt: 0 } : setupMarker.parse(value);
}

export async function recordSetupMarker(marker: SetupMarker): Promise<void> {
  await kvs.set(KEYS.setupDone, marker);
}
