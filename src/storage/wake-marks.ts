import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { WakeMark } from '../core/webhooks/wake-window';
import { KEYS } from './keys';
import { readItems, refId } from './read-items';
import type { ItemRef } from './read-items';

const wakeMark = z.object({ window: z.number().int(), trailing: z.boolean() });

export const wakeMarkRef = (id: string): ItemRef => ({ key: KEYS.wakeMark(id) });

/** The marks of these webhooks, from items read with `wakeMarkRef` (see readItems). */
export function wakeMarksFrom(found: ReadonlyMap<string, unknown>, ids: readonly string[]): Map<string, WakeMark> {
  const marks = new Map<string, WakeMark>();
  for (const id of ids) {
    const parsed = wakeMark.safeParse(found.get(refId(wakeMarkRef(id))));
    if (parsed.success) marks.set(id, parsed.data);
  }
  return marks;
}

/** The wake marks of these webhooks, read by key (strictly consistent), 25 to a request. */
export async function readWakeMarks(ids: readonly string[]): Promise<Map<string, WakeMark>> {
  return wakeMarksFrom(await readItems(ids.map(wakeMarkRef)), ids);
}

/** Keeps the marks, 25 to a request; a mark is only a saving, so not keeping one costs a push, never a delivery. */
export async function saveWakeMarks(marks: ReadonlyMap<string, WakeMark>): Promise<void> {
  const items = [...marks].map(([id, mark]) => ({ key: KEYS.wakeMark(id), value: mark }));
  for (let i = 0; i < items.length; i += 25) await kvs.batchSet(items.slice(i, i + 25));
}

export async function deleteWakeMark(id: string): Promise<void> {
  await kvs.delete(KEYS.wakeMark(id));
  await kvs.delete(KEYS.retryWake(id));
}

/** When the worker's pending wake-up for its next retry is due, if it asked for one (see drainMailbox). */
export async function readRetryWake(id: string): Promise<number | undefined> {
  const parsed = z.number().safeParse(await kvs.get(KEYS.retryWake(id)));
  return parsed.success ? parsed.data : undefined;
}

export async function saveRetryWake(id: string, at: number): Promise<void> {
  await kvs.set(KEYS.retryWake(id), at);
}
