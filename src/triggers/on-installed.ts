import { setUpInstallation } from '../services/setup/setup';

/**
 * avi:forge:installed:app — sent once, and not retried if this throws (docs/forge-platform.md, "Triggers"): what it
 * does not finish, the scheduled maintenance does.
 */
export async function onInstalled(): Promise<void> {
  await setUpInstallation();
}
