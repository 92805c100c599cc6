import type { Db } from '../data/db';
import type { HostMeta } from './host-meta';
import type { Triggers } from './triggers';

/**
 * Forge sends `avi:forge:installed:app` once, when the app is installed (docs/forge-platform.md, "Triggers"); the
 * first start on a data folder plays the install. The install is recorded with the event's deliveries in one
 * transaction: a crash can neither lose the event nor send it twice, and a trigger that failed on it does not get
 * it again on a later start.
 */
export function installOnce(db: Db, meta: HostMeta, triggers: Triggers, installerAccountId: string | undefined): void {
  if (meta.get('installedAt')) return;
  db.transaction(() => {
    meta.set('installedAt', new Date().toISOString());
    triggers.emit('avi:forge:installed:app', triggers.installedEvent(installerAccountId));
  })();
}
