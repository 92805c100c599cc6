import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';

type TransactionBuilder = ReturnType<typeof kvs.transact>;
type Counters = Record<string, number>;

/**
 * Optimistic concurrency on KVS: a record is guarded by a counter attribute of a custom entity (a project's head
 * version, an outbox cursor) that every write moves, in the same transaction, on condition that it still holds the
 * value read. KVS conditions apply to custom entities only (declared under app.storage.entities in manifest.yml).
 */
export class ConcurrentWriteError extends Error {}

export interface Guard {
  entity: string;
  key: string;
  /** The attribute the condition is on; 0 stands for "absent" (no write has happened yet). */
  attribute: string;
  expected: number;
  /** The entity's whole new value (entity sets replace the item): the guarded attribute moved, and any others. */
  next: Counters;
}

const counters = z.record(z.string(), z.number());

export async function readCounters(entity: string, key: string): Promise<Counters> {
  const item: unknown = await kvs.entity<Counters>(entity).get(key);
  return item === undefined ? {} : counters.parse(item);
}

/**
 * Runs the transaction built by `build` plus the guard's move; throws ConcurrentWriteError if someone moved the guard
 * first, and nothing is written then. Forge documents no error code for a failed condition (docs/forge-platform.md,
 * "KVS and custom entities"), so a failure is told apart by re-reading what the condition guarded: moved → a lost
 * race; unmoved → some other failure, rethrown as it came.
 */
export async function writeIfUnchanged(guard: Guard, build: (tx: TransactionBuilder) => void): Promise<void> {
  const tx = kvs.transact();
  build(tx);
  const unchanged =
    guard.expected === 0
      ? new Filter<Counters>().and(guard.attribute, FilterConditions.notExists())
      : new Filter<Counters>().and(guard.attribute, FilterConditions.equalTo(guard.expected));
  tx.set(guard.key, guard.next, { entityName: guard.entity, conditions: unchanged });
  try {
    await tx.execute();
  } catch (error) {
    const now = (await readCounters(guard.entity, guard.key))[guard.attribute] ?? 0;
    if (now !== guard.expected) throw new ConcurrentWriteError(`${guard.entity} ${guard.key} changed while being written`, { cause: error });
    throw error;
  }
}
