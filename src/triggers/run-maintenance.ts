import { sweepOutbox } from '../services/changes/sweep-outbox';
import { repairSetup } from '../services/setup/setup';
import { pruneLogs, wakeDueWebhooks } from '../services/webhooks/wake-due';
import { readSetupMarker, recordSetupMarker } from '../storage/setup-store';

const PRUNE_EVERY_MS = 3600 * 1000;

/**
 * Scheduled every five minutes: finish an incomplete setup, announce change events whose notice was lost, wake
 * webhooks with deliveries due, and once an hour keep each delivery log to its newest entries. Otherwise it reads
 * three things, whatever the history: the setup marker, the outbox and the retries due.
 */
export async function runMaintenance(): Promise<void> {
  const now = Date.now();
  const marker = await readSetupMarker();
  const setup = await repairSetup(marker, now);
  if (setup !== 'done') console.info(`setup: ${setup}`);
  await sweepOutbox();
  await wakeDueWebhooks(now);
  if (marker && now - marker.logsPrunedAt >= PRUNE_EVERY_MS) {
    const pruned = await pruneLogs();
    await recordSetupMarker({ ...marker, logsPrunedAt: now });
    if (pruned > 0) console.info(`delivery logs: ${pruned} entries beyond the newest 200 of a webhook removed`);
  }
}
