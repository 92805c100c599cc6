import { recordInstalledAt } from '../storage/installation';

/** avi:forge:installed:app — remember when the app arrived on this site. */
export async function onInstalled(): Promise<void> {
  await recordInstalledAt(new Date());
}
