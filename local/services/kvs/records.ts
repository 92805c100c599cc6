import type { ChangeJournal, LaggedView } from './change-journal';
import type { EntityCatalog, EntityDef } from './entity-declarations';
import { ENTITY_NAME_MAX, ENTITY_NAME_MIN, entityNameProblem } from './entity-names';
import { checkEntityValue, type UndeclaredAttributes } from './entity-values';
import { KvsError } from './errors';
import { checkValue, MAX_SECRET_BYTES } from './limits';
import type { SecretCipher } from './secret-cipher';
import type { ItemStore } from './store';

/** Where an item lives. Plain keys, secrets and each custom entity are separate key spaces in Forge. */
export interface Space {
  readonly ns: string;
  readonly secret: boolean;
  readonly entityName?: string;
  readonly entity?: EntityDef;
}

export const PLAIN_SPACE: Space = { ns: 'kvs', secret: false };
export const SECRET_SPACE: Space = { ns: 'secret', secret: true };

export function entityNs(name: string): string {
  return `entity:${name}`;
}

/** A live item with its value as JSON text (already decrypted for secrets). */
export interface Item {
  key: string;
  json: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
}

/**
 * The store seen through namespaces: seals secrets on the way in and opens them on the way out, and
 * reads the clock once per call so TTL decisions and timestamps agree. With a journal (the host's query lag),
 * every write and delete of a queryable namespace is noted with the row it replaces, for lagged queries.
 */
export class Records {
  constructor(
    readonly store: ItemStore,
    private readonly cipher: SecretCipher,
    readonly now: () => number,
    private readonly entities: EntityCatalog,
    private readonly undeclared: UndeclaredAttributes,
    private readonly journal?: ChangeJournal,
  ) {}

  /**
   * Batch and transaction items name an entity or nothing; nothing means the plain key space. A name must be
   * well formed (the codes of handling-errors-customentities) and declared in manifest.yml: Forge only stores
   * entities the app declares. It names no code for an undeclared one; INVALID_ENTITY_TYPE is the closest it has.
   */
  spaceFor(entityName: string | undefined): Space {
    if (entityName === undefined) return PLAIN_SPACE;
    return { ns: entityNs(entityName), secret: false, entityName, entity: this.entity(entityName) };
  }

  entity(name: string): EntityDef {
    if (name.length < ENTITY_NAME_MIN)
      throw new KvsError(400, 'ENTITY_TYPE_TOO_SHORT', `The entity name needs to be at least ${ENTITY_NAME_MIN} characters`);
    if (name.length > ENTITY_NAME_MAX)
      throw new KvsError(400, 'ENTITY_TYPE_TOO_LARGE', `The entity name has exceeded the maximum ${ENTITY_NAME_MAX} characters`);
    if (entityNameProblem(name) !== undefined)
      throw new KvsError(400, 'INVALID_ENTITY_TYPE', `The entity name "${name}" does not match the allowed pattern`);
    const entity = this.entities.get(name);
    if (entity === undefined)
      throw new KvsError(400, 'INVALID_ENTITY_TYPE', `The entity "${name}" is not declared in manifest.yml (app.storage.entities)`);
    return entity;
  }

  /** The JSON a value is stored as, after the checks of its key space: entity attributes, secret or value size. */
  prepareValue(space: Space, value: unknown): string {
    if (space.entity !== undefined) return checkValue(checkEntityValue(space.entity, value, this.undeclared));
    return checkValue(value, space.secret ? MAX_SECRET_BYTES : undefined);
  }

  read(space: Space, key: string): Item | undefined {
    const row = this.store.read(space.ns, key, this.now());
    if (row === undefined) return undefined;
    return { ...row, json: space.secret ? this.cipher.open(row.text, context(space, key)) : row.text };
  }

  write(space: Space, key: string, json: string, ttlMs: number | undefined): Item {
    const { now, text, expiresAt } = this.beforeWrite(space, key, json, ttlMs);
    const row = this.store.write(space.ns, key, text, now, expiresAt);
    return { key, json, createdAt: row.createdAt, updatedAt: row.updatedAt, expiresAt: row.expiresAt };
  }

  /** write(), for callers that do not answer with the item (batch sets, transactions). */
  put(space: Space, key: string, json: string, ttlMs: number | undefined): void {
    const { now, text, expiresAt } = this.beforeWrite(space, key, json, ttlMs);
    this.store.put(space.ns, key, text, now, expiresAt);
  }

  private beforeWrite(space: Space, key: string, json: string, ttlMs: number | undefined) {
    const now = this.now();
    if (this.journal !== undefined && !space.secret) this.journal.record(space.ns, key, this.store.read(space.ns, key, now), now);
    const text = space.secret ? this.cipher.seal(json, context(space, key)) : json;
    return { now, text, expiresAt: ttlMs === undefined ? null : now + ttlMs };
  }

  remove(space: Space, key: string): boolean {
    const now = this.now();
    const removed = this.store.remove(space.ns, key, now);
    if (removed !== undefined && !space.secret) this.journal?.record(space.ns, key, removed, now);
    return removed !== undefined;
  }

  /** remove(), for callers that need not know whether there was an item (transactions). */
  discard(space: Space, key: string): void {
    if (this.journal !== undefined && !space.secret) this.remove(space, key);
    else this.store.discard(space.ns, key);
  }

  /**
   * How a namespace looks to a query made now: undefined when queries see it as it is (no lag, or nothing changed
   * within it). Secrets are never queried, so they have no view. A journal entry whose write was rolled back is harmless:
   * the row it keeps is the one still there.
   */
  queryView(ns: string, now: number): LaggedView | undefined {
    return this.journal?.viewFor(ns, now);
  }
}

function context(space: Space, key: string): string {
  return `${space.ns}\u0000${key}`;
}
