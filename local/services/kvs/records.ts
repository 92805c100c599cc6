import { checkEntityName } from './limits';
import type { SecretCipher } from './secret-cipher';
import type { ItemStore } from './store';

/** Where an item lives. Plain keys, secrets and each custom entity are separate key spaces in Forge. */
export interface Space {
  readonly ns: string;
  readonly secret: boolean;
  readonly entityName?: string;
}

export const PLAIN_SPACE: Space = { ns: 'kvs', secret: false };
export const SECRET_SPACE: Space = { ns: 'secret', secret: true };

/** Batch and transaction items name an entity or nothing; nothing means the plain key space. */
export function spaceFor(entityName: string | undefined): Space {
  if (entityName === undefined) return PLAIN_SPACE;
  checkEntityName(entityName);
  return { ns: `entity:${entityName}`, secret: false, entityName };
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
 * reads the clock once per call so TTL decisions and timestamps agree.
 */
export class Records {
  constructor(
    readonly store: ItemStore,
    private readonly cipher: SecretCipher,
    readonly now: () => number,
  ) {}

  read(space: Space, key: string): Item | undefined {
    const row = this.store.read(space.ns, key, this.now());
    if (row === undefined) return undefined;
    return { ...row, json: space.secret ? this.cipher.open(row.text, context(space, key)) : row.text };
  }

  write(space: Space, key: string, json: string, ttlMs: number | undefined): Item {
    const now = this.now();
    const text = space.secret ? this.cipher.seal(json, context(space, key)) : json;
    const row = this.store.write(space.ns, key, text, now, ttlMs === undefined ? null : now + ttlMs);
    return { key, json, createdAt: row.createdAt, updatedAt: row.updatedAt, expiresAt: row.expiresAt };
  }

  remove(space: Space, key: string): boolean {
    return this.store.remove(space.ns, key, this.now());
  }
}

function context(space: Space, key: string): string {
  return `${space.ns}\u0000${key}`;
}
