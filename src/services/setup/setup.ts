import { seedCatalogue } from '../../storage/catalogue-store';
import { readInstalledAt, readSnapshotsProgress, recordInstalledAt, recordSetupMarker } from '../../storage/setup-store';
import type { SetupMarker } from '../../storage/setup-store';
import { startProjectSnapshots } from './snapshot-projects';

/** A snapshot run not done within a day (Forge keeps an event 24 h) is started again. */
const SNAPSHOTS_GIVE_UP_MS = 24 * 3600 * 1000;

/** On install: remember the date, store the predefined fields, snapshot Jira's projects. */
export async function setUpInstallation(now = Date.now()): Promise<void> {
  await recordInstalledAt(new Date(now));
  await seedCatalogue();
  await startProjectSnapshots(now);
}

/**
 * Scheduled: finishes a setup the install trigger did not (it failed, or its event never came). Once everything is
 * done this costs one small KVS read.
 */
export async function repairSetup(marker: SetupMarker | undefined, now = Date.now()): Promise<'done' | 'repaired' | 'waiting'> {
  if (marker) return 'done';
  const [installedAt, snapshots] = await Promise.all([readInstalledAt(), readSnapshotsProgress()]);
  if (installedAt === null) await recordInstalledAt(new Date(now));
  await seedCatalogue();
  if (!snapshots || (snapshots.doneAt === undefined && now - snapshots.startedAt > SNAPSHOTS_GIVE_UP_MS)) {
    await startProjectSnapshots(now);
    return 'repaired';
  }
  if (snapshots.doneAt === undefined) return 'waiting';
  await recordSetupMarker({ doneAt: now, logsPrunedAt: now });
  return installedAt === null ? 'repaired' : 'done';
}
