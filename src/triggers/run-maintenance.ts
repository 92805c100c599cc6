import { sweepOutbox } from '../services/changes/sweep-outbox';
import { repairSetup } from '../services/setup/setup';

/** Scheduled every five minutes: finish an incomplete setup, and announce change events whose notice was lost. */
export async function runMaintenance(): Promise<void> {
  const setup = await repairSetup();
  if (setup !== 'done') console.info(`setup: ${setup}`);
  await sweepOutbox();
}
