import { sweepOutbox } from '../services/changes/sweep-outbox';
import { repairSetup } from '../services/setup/setup';
import { wakeDueWebhooks } from '../services/webhooks/wake-due';

/**
 * Scheduled every five minutes: finish an incomplete setup, announce change events whose notice was lost, and wake
 * webhooks with deliveries due. Once the setup is done this reads three things, whatever the history.
 */
export async function runMaintenance(): Promise<void> {
  const setup = await repairSetup();
  if (setup !== 'done') console.info(`setup: ${setup}`);
  await sweepOutbox();
  await wakeDueWebhooks();
}
