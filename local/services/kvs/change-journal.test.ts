import { describe, expect, it } from 'vitest';
import { ChangeJournal } from './change-journal';
import type { ItemRow } from './store';

const T = Date.UTC(2025, 0, 12, 12, 0, 0);
const row = (key: string, value: unknown, at = T - 60_000): ItemRow => ({
  key,
  text: JSON.stringify(value),
  createdAt: at,
  updatedAt: at,
  expiresAt: null,
});
const shown = (journal: ChangeJournal, ns: string, now: number) => {
  const view = journal.viewFor(ns, now);
  return view === undefined ? undefined : Object.fromEntries([...view.rows].map(([key, r]) => [key, r === undefined ? null : r.text]));
};

describe('the change journal behind lagged queries', () => {
  it('forgets changes once they are as old as the maximum lag, so it holds at most that much history', () => {
    const journal = new ChangeJournal({ min: 200, max: 1000 }, () => 1);
    journal.record('kvs', 'a', undefined, T);
    journal.record('kvs', 'b', row('b', 1), T + 500);
    journal.record('entity:employee', 'e', undefined, T + 600);
    expect(journal.size).toEqual(3);
    journal.record('kvs', 'c', undefined, T + 1000);
    expect(journal.size).toEqual(3);
    expect(shown(journal, 'kvs', T + 1499)).toEqual({ b: '1', c: null });
    expect(journal.size).toEqual(3);
    expect(shown(journal, 'kvs', T + 1500)).toEqual({ c: null });
    expect(journal.size).toEqual(2);
    expect(shown(journal, 'kvs', T + 1600)).toEqual({ c: null });
    expect(journal.size).toEqual(1);
    expect(shown(journal, 'kvs', T + 2000)).toBeUndefined();
    expect(journal.size).toEqual(0);
  });

  it('draws each query’s lag within the range', () => {
    let draw = 0;
    const journal = new ChangeJournal({ min: 200, max: 1000 }, () => draw);
    journal.record('kvs', 'a', row('a', 'old'), T);
    // The change is 600 ms old: hidden from a query lagging 1000 ms or 601 ms, seen by one lagging 600 ms or 200 ms.
    draw = 1;
    expect(shown(journal, 'kvs', T + 600)).toEqual({ a: '"old"' });
    draw = 401 / 800;
    expect(shown(journal, 'kvs', T + 600)).toEqual({ a: '"old"' });
    draw = 0.5;
    expect(shown(journal, 'kvs', T + 600)).toBeUndefined();
    draw = 0;
    expect(shown(journal, 'kvs', T + 600)).toBeUndefined();
  });

  it('keeps namespaces apart and shows, per key, the row from before its first change within the lag', () => {
    const journal = new ChangeJournal({ min: 1000, max: 1000 }, () => 0);
    journal.record('kvs', 'k', row('k', 'v0'), T);
    journal.record('kvs', 'k', row('k', 'v1', T), T + 100);
    journal.record('entity:employee', 'k', row('k', { age: 1 }), T + 200);
    expect(shown(journal, 'kvs', T + 500)).toEqual({ k: '"v0"' });
    expect(shown(journal, 'kvs', T + 1050)).toEqual({ k: '"v1"' });
    expect(shown(journal, 'entity:employee', T + 1050)).toEqual({ k: '{"age":1}' });
    expect(shown(journal, 'secret', T + 1050)).toBeUndefined();
  });
});
