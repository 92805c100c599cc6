import { startProjectSnapshots } from '../services/changes/snapshot-projects';
import { seedCatalogue } from '../storage/catalogue-store';
import { recordInstalledAt } from '../storage/installation';

/** avi:forge:installed:app — remember the date, create the predefined fields, snapshot Jira's projects. */
export async function onInstalled(): Promise<void> {
  await recordInstalledAt(new Date());
  await seedCatalogue();
  await startProjectSnapshots();
}
