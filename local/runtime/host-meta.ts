import { randomUUID } from 'node:crypto';
import { statement } from '../data/db';
import type { Db } from '../data/db';
import type { AppIdentity } from './runtime';

/** Small facts the host keeps across restarts: the app's identity on this "site" and when it was installed. */
export class HostMeta {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS host_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  }

  get(name: string): string | undefined {
    return (statement(this.db, `SELECT value FROM host_meta WHERE name = ?`).get(name) as { value: string } | undefined)?.value;
  }

  set(name: string, value: string): void {
    statement(this.db, `INSERT INTO host_meta VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`).run(name, value);
  }

  /** The same ids on every start, so stored data and installation-scoped keys keep meaning the same thing. */
  identity(manifestAppId: string, cloudId: string): AppIdentity {
    let installationId = this.get('installationId');
    if (!installationId) {
      installationId = randomUUID();
      this.set('installationId', installationId);
    }
    return {
      appId: manifestAppId.replace(/^ari:cloud:ecosystem::app\//, ''),
      appVersion: '1.0.0',
      environmentId: '00000000-0000-4000-8000-00000000e0e0',
      environmentType: 'DEVELOPMENT',
      installationId,
      cloudId,
    };
  }
}
