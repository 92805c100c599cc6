import { publishChange } from '../services/changes/publish';
import { unhandledEvents } from '../storage/event-store';

// An event is normally handled within seconds; one still unhandled after this was never announced.
const STALE_AFTER_MS = 10 * 60 * 1000;

/** Scheduled: announces again any change event whose queue push failed, so none is lost. */
export async function sweepOutbox(): Promise<void> {
  const stale = (await unhandledEvents()).filter((event) => Date.now() - event.at > STALE_AFTER_MS);
  for (const event of stale) await publishChange(event);
  if (stale.length > 0) console.warn(`outbox sweep announced ${stale.length} change event(s) again`);
}
