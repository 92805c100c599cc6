import { statement } from '../../data/db';
import type { Db } from '../../data/db';
import { domainProblem, EGRESS_TYPES, EgressRequestError } from './egress-request';
import type { EgressSetPayload, EgressType } from './egress-request';

/** `EgressResult` of @forge/bridge 7: each configured entry is one domain with one type. */
export interface EgressGroup {
  key: string;
  description: string;
  configured: { domain: string; type: [EgressType] }[];
}

// docs/forge-platform.md, "Egress": 10 groups per installation, 10 domains per group, 40 domain-type entries
// other than FETCH_BACKEND_SIDE across the manifest and customer-managed egress.
export const MAX_GROUPS = 10;
export const MAX_DOMAINS_PER_GROUP = 10;
export const MAX_NON_BACKEND_ENTRIES = 40;

/** Whether `set` on an existing group replaces its entries or adds to them: Forge does not say. */
export type SetMode = 'replace' | 'merge';

interface EntryRow {
  key: string;
  description: string;
  domain: string | null;
  type: string | null;
}

/** The installation's customer-managed egress groups (`permissions.egress.*`), kept in the data folder. */
export class CustomerEgress {
  /** backendDomains() as last read: every proxied request asks, and only this class changes the tables. */
  private backend: string[] | undefined;

  constructor(
    private readonly db: Db,
    private readonly staticNonBackendEntries: number,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS host_egress_groups (key TEXT PRIMARY KEY, description TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS host_egress_entries (key TEXT NOT NULL, domain TEXT NOT NULL, type TEXT NOT NULL,
        PRIMARY KEY (key, domain, type));`);
    this.migrateUntypedApprovals();
  }

  /** Data folders from before types were kept approved bare domains for backend fetch only. */
  private migrateUntypedApprovals(): void {
    const old = statement(this.db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'host_egress'`).get();
    if (!old) return;
    this.db.transaction(() => {
      this.db.exec(`INSERT OR IGNORE INTO host_egress_groups SELECT DISTINCT egress_key, '' FROM host_egress;
        INSERT OR IGNORE INTO host_egress_entries SELECT egress_key, domain, 'FETCH_BACKEND_SIDE' FROM host_egress;
        DROP TABLE host_egress;`);
    })();
  }

  groups(keys?: readonly string[]): EgressGroup[] {
    const rows = statement(
      this.db,
      `SELECT g.key, g.description, e.domain, e.type FROM host_egress_groups g LEFT JOIN host_egress_entries e ON e.key = g.key ORDER BY g.key, e.domain`,
    ).all() as EntryRow[];
    const byKey = new Map<string, EgressGroup>();
    for (const row of rows) {
      if (keys && !keys.includes(row.key)) continue;
      const group = byKey.get(row.key) ?? { key: row.key, description: row.description, configured: [] };
      byKey.set(row.key, group);
      if (row.domain !== null && row.type !== null) group.configured.push({ domain: row.domain, type: [row.type as EgressType] });
    }
    for (const group of byKey.values()) group.configured.sort((a, b) => a.domain.localeCompare(b.domain) || order(a.type[0]) - order(b.type[0]));
    return [...byKey.values()];
  }

  /** Domains approved for the backend's fetch: the only type that opens `fetch` from a function. */
  backendDomains(): string[] {
    if (this.backend) return this.backend;
    const rows = statement(this.db, `SELECT DISTINCT domain FROM host_egress_entries WHERE type = 'FETCH_BACKEND_SIDE'`).all() as {
      domain: string;
    }[];
    this.backend = rows.map((r) => r.domain);
    return this.backend;
  }

  /** Checks the whole request first, then saves every group of it at once; answers the saved groups. */
  set(payload: EgressSetPayload, mode: SetMode): EgressGroup[] {
    const keys = payload.egresses.map((g) => g.key);
    const duplicateKey = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicateKey) throw new EgressRequestError(422, `egresses: the key '${duplicateKey}' is given twice`);
    for (const group of payload.egresses) {
      const domains = group.configured.map((c) => c.domain);
      const duplicate = domains.find((d, i) => domains.indexOf(d) !== i);
      if (duplicate) throw new EgressRequestError(422, `egresses.${group.key}: the domain '${duplicate}' is given twice`);
      for (const domain of domains) {
        const problem = domainProblem(domain);
        if (problem) throw new EgressRequestError(422, `egresses.${group.key}.configured.domain: ${problem}`);
      }
    }
    const save = this.db.transaction(() => {
      for (const group of payload.egresses) {
        statement(this.db, `INSERT INTO host_egress_groups VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET description = excluded.description`).run(
          group.key,
          group.description,
        );
        if (mode === 'replace') statement(this.db, `DELETE FROM host_egress_entries WHERE key = ?`).run(group.key);
        for (const entry of group.configured)
          for (const type of entry.type)
            statement(this.db, `INSERT OR IGNORE INTO host_egress_entries VALUES (?, ?, ?)`).run(group.key, entry.domain, type);
      }
      this.checkLimits();
    });
    try {
      save();
    } finally {
      this.backend = undefined;
    }
    return this.groups(keys);
  }

  /** Throws inside the saving transaction, which then saves nothing. */
  private checkLimits(): void {
    const groups = this.groups();
    if (groups.length > MAX_GROUPS)
      throw new EgressRequestError(400, `Maximum egress limit exceeded: at most ${MAX_GROUPS} egress groups per installation`);
    for (const group of groups) {
      const domains = new Set(group.configured.map((c) => c.domain)).size;
      if (domains > MAX_DOMAINS_PER_GROUP)
        throw new EgressRequestError(400, `Maximum egress limit exceeded: at most ${MAX_DOMAINS_PER_GROUP} domains in egress group '${group.key}'`);
    }
    const { n } = statement(
      this.db,
      `SELECT COUNT(DISTINCT domain || ' ' || type) AS n FROM host_egress_entries WHERE type <> 'FETCH_BACKEND_SIDE'`,
    ).get() as { n: number };
    if (n + this.staticNonBackendEntries > MAX_NON_BACKEND_ENTRIES)
      throw new EgressRequestError(
        400,
        `Maximum egress limit exceeded: at most ${MAX_NON_BACKEND_ENTRIES} domain-type entries other than FETCH_BACKEND_SIDE`,
      );
  }

  /** Deleting what does not exist succeeds (204), as documented. A group left without domains stays. */
  deleteDomain(key: string, domain: string, type: EgressType): void {
    this.backend = undefined;
    statement(this.db, `DELETE FROM host_egress_entries WHERE key = ? AND domain = ? AND type = ?`).run(key, domain, type);
  }

  deleteGroup(key: string): void {
    this.backend = undefined;
    this.db.transaction(() => {
      statement(this.db, `DELETE FROM host_egress_entries WHERE key = ?`).run(key);
      statement(this.db, `DELETE FROM host_egress_groups WHERE key = ?`).run(key);
    })();
  }
}

const order = (type: EgressType): number => EGRESS_TYPES.indexOf(type);
