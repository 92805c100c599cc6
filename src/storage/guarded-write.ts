import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';

type TransactionBuilder = ReturnType<typeof kvs.transact>;
type Item = Record<string, unknown>;

/**
 * Optimistic concurrency on KVS: a record is guarded by a counter attribute of a custom entity (a project's head
 * version, its outbox cursor) that every write moves, in the same transaction, on condition that it still holds the
 * value read. A write may also depend on counters it does not move (`checks`). KVS conditions apply to custom
 * entities only (declared under app.storage.entities in manifest.yml).
 */
export class ConcurrentWriteError extends Error {
  constructor(
    message: string,
    /** The counters found moved when the write was refused. */
    readonly moved: readonly Counter[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface Counter {
  entity: string;
  key: string;
  /** The attribute the condition is on; 0 stands for "absent" (no write has happened yet). */
  attribute: string;
  expected: number;
}

export interface Guard extends Counter {
  /** The entity's whole new value (entity sets replace the item): the guarded attribute moved, and any others. */
  next: Item;
}

const item = z.record(z.string(), z.unknown());

/** An entity item, read with `entity().get`, which Forge documents as strictly consistent; absent reads as {}. */
export async function readEntity(entity: string, key: string): Promise<Item> {
  const value: unknown = await kvs.entity<Item>(entity).get(key);
  return value === undefined ? {} : item.parse(value);
}

/** A stored item as a record (anything else reads as an empty one). */
export const asItem = (value: unknown): Item => {
  const parsed = item.safeParse(value);
  return parsed.success ? parsed.data : {};
};

/** The numeric attributes of an item (0 for those it does not have). */
export const counterOf = (value: Item, attribute: string): number => {
  const found = value[attribute];
  return typeof found === 'number' ? found : 0;
};

const unchanged = (counter: Counter) =>
  counter.expected === 0
    ? new Filter<Item>().and(counter.attribute, FilterConditions.notExists())
    : new Filter<Item>().and(counter.attribute, FilterConditions.equalTo(counter.expected));

/**
 * Runs the transaction built by `build` plus the guards' moves (one record's, or several records' written together)
 * and the checks; throws ConcurrentWriteError if someone moved a guard or a checked counter first, and nothing is
 * written then. Forge documents no error code for a failed condition (docs/forge-platform.md, "KVS and custom entities"), so a failure is told apart by re-reading what the
 * conditions guarded: moved → a lost race; unmoved → some other failure, rethrown as it came.
 */
export async function writeIfUnchanged(
  guard: Guard | readonly Guard[],
  build: (tx: TransactionBuilder) => void,
  checks: Counter[] = [],
): Promise<void> {
  const guards = Array.isArray(guard) ? (guard as readonly Guard[]) : [guard as Guard];
  await writeChecked(
    [...guards, ...checks],
    (tx) => {
      build(tx);
      for (const g of guards) tx.set(g.key, g.next, { entityName: g.entity, conditions: unchanged(g) });
    },
    checks,
  );
}

/** Runs the transaction built by `build` on condition that the checked counters have not moved (see writeIfUnchanged). */
export async function writeChecked(watched: Counter[], build: (tx: TransactionBuilder) => void, checks: Counter[] = watched): Promise<void> {
  const tx = kvs.transact();
  build(tx);
  for (const check of checks) tx.check(check.key, { entityName: check.entity, conditions: unchanged(check) });
  try {
    await tx.execute();
  } catch (error) {
    // Read again with `entity().get`, the read Forge documents as strictly consistent: what decides a lost race.
    const now = await Promise.all(watched.map((c) => readEntity(c.entity, c.key)));
    const moved = watched.filter((c, i) => counterOf(now[i] ?? {}, c.attribute) !== c.expected);
    const first = moved[0];
    if (first) throw new ConcurrentWriteError(`${first.entity} ${first.key} changed while being written`, moved, { cause: error });
    throw error;
  }
}
