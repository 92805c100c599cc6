import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { KEYS } from './keys';

export async function readInstalledAt(): Promise<string | null> {
  const value: unknown = await kvs.get(KEYS.installedAt);
  return z
    .string()
    .nullable()
    .catch(null)
    .parse(value ?? null);
}

/** First install wins: a re-delivered installed event does not move the date. */
export async function recordInstalledAt(at: Date): Promise<void> {
  if ((await readInstalledAt()) !== null) return;
  await kvs.set(KEYS.installedAt, at.toISOString());
}
