import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';

type TransactionBuilder = ReturnType<typeof kvs.transact>;

/**
 * Optimistic concurrency on KVS: a record guarded by a "head" custom entity whose `version` every write
 * bumps, in the same transaction, on condition that it is still the version read. KVS conditions apply to
 * custom entities only (declared under app.storage.entities in manifest.yml).
 */
const head = z.object({ version: z.number().int().nonnegative() });

export class ConcurrentWriteError extends Error {}

export async function readVersion(entityName: string, key: string): Promise<number> {
  const entity: unknown = await kvs.entity<{ version: number }>(entityName).get(key);
  return entity === undefined ? 0 : head.parse(entity).version;
}

/** Runs the transaction built by `build`, plus the version bump; throws ConcurrentWriteError if someone wrote first. */
export async function writeIfUnchanged(entityName: string, key: string, version: number, build: (tx: TransactionBuilder) => void): Promise<void> {
  const tx = kvs.transact();
  build(tx);
  const unchanged =
    version === 0
      ? new Filter<{ version: number }>().and('version', FilterConditions.notExists())
      : new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));
  tx.set(key, { version: version + 1 }, { entityName, conditions: unchanged });
  try {
    await tx.execute();
  } catch (error) {
    // The local host's code for a failed condition; see docs/local-host.md.
    if ((error as { code?: string }).code === 'CONDITIONAL_CHECK_FAILED')
      throw new ConcurrentWriteError(`${entityName} ${key} changed while being written`, { cause: error });
    throw error;
  }
}
