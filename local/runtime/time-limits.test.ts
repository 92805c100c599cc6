import { describe, expect, it } from 'vitest';
import type { Manifest } from './manifest';
import { declaresLongTimeout, moduleTypesUsing, timeLimitSeconds } from './time-limits';

/** Modules as manifest.yml declares them; each test names only what it needs. */
function makeModules(overrides: Partial<Manifest['modules']> & Record<string, unknown>): Manifest['modules'] {
  return { function: [], trigger: [], consumer: [], webtrigger: [], scheduledTrigger: [], ...overrides };
}
const fn = (key: string, timeoutSeconds?: number) => ({ key, handler: `index.${key}`, ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }) });

describe('timeLimitSeconds', () => {
  it('gives a consumer or scheduled trigger 55 s by default and its timeoutSeconds (up to 900) when only they use it', () => {
    const modules = makeModules({
      function: [fn('plain'), fn('long', 900), fn('too-long', 1200), fn('short', 1), fn('tick', 120)],
      consumer: [
        { key: 'c1', queue: 'q1', function: 'plain' },
        { key: 'c2', queue: 'q2', function: 'long' },
        { key: 'c3', queue: 'q3', function: 'too-long' },
        { key: 'c4', queue: 'q4', function: 'short' },
      ],
      scheduledTrigger: [{ key: 's', function: 'tick', interval: 'hour' }],
    });
    expect([
      timeLimitSeconds(modules, 'plain', 'consumer'),
      timeLimitSeconds(modules, 'long', 'consumer'),
      timeLimitSeconds(modules, 'too-long', 'consumer'),
      timeLimitSeconds(modules, 'short', 'consumer'),
      timeLimitSeconds(modules, 'tick', 'scheduledTrigger'),
    ]).toEqual([55, 900, 900, 1, 120]);
  });

  it('ignores timeoutSeconds of a function a resolver or a product trigger also uses: 25 s for them, 55 s as a consumer', () => {
    const modules = makeModules({
      function: [fn('shared', 600), fn('on-event', 300)],
      consumer: [{ key: 'c', queue: 'q', function: 'shared' }],
      'jira:adminPage': [{ key: 'admin', resource: 'page', resolver: { function: 'shared' }, title: 'Admin' }],
      trigger: [{ key: 't', function: 'on-event', events: ['avi:jira:updated:project'] }],
    });
    expect([
      timeLimitSeconds(modules, 'shared', 'consumer'),
      timeLimitSeconds(modules, 'shared', 'jira:adminPage'),
      timeLimitSeconds(modules, 'on-event', 'trigger'),
    ]).toEqual([55, 25, 25]);
  });

  it('gives web triggers 55 s whatever they declare', () => {
    const modules = makeModules({ function: [fn('hook', 300)], webtrigger: [{ key: 'w', function: 'hook' }] });
    expect(timeLimitSeconds(modules, 'hook', 'webtrigger')).toBe(55);
  });
});

describe('moduleTypesUsing and declaresLongTimeout', () => {
  it('finds the module types naming a function directly or as their resolver', () => {
    const modules = makeModules({
      function: [fn('f')],
      consumer: [{ key: 'c', queue: 'q', function: 'f' }],
      'jira:projectPage': [{ key: 'p', resource: 'r', resolver: { function: 'f' }, title: 'P' }],
    });
    expect(moduleTypesUsing(modules, 'f').sort()).toEqual(['consumer', 'jira:projectPage']);
  });

  it('calls a function long-running from a declared timeout of 56 s, not 55', () => {
    const modules = makeModules({ function: [fn('a', 55), fn('b', 56), fn('c')] });
    expect(['a', 'b', 'c'].map((key) => declaresLongTimeout(modules, key))).toEqual([false, true, false]);
  });
});
