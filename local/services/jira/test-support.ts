import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../data/db';
import { openDb } from '../../data/db';
import type { JiraCaller, JiraFake } from './index';
import { createJira, DEMO_USERS } from './index';

export const SITE = 'https://sandbox.atlassian.net';
export const API = `${SITE}/rest/api/3`;

/** Jira's default project avatar URLs for a project id. */
export const projectAvatars = (pid: string) => ({
  '48x48': `${SITE}/secure/projectavatar?size=large&pid=${pid}`,
  '24x24': `${SITE}/secure/projectavatar?size=small&pid=${pid}`,
  '16x16': `${SITE}/secure/projectavatar?size=xsmall&pid=${pid}`,
  '32x32': `${SITE}/secure/projectavatar?size=medium&pid=${pid}`,
});

/** Atlassian's initials avatars for a person, e.g. `PL` for Pat Lead. */
export const initialsAvatars = (code: string) => {
  const url = (px: number) => `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${code}-5.png?size=${px}&s=${px}`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
};

/** Callers the tests act as. */
export const AS = {
  admin: { kind: 'user', accountId: DEMO_USERS.admin.accountId },
  pat: { kind: 'user', accountId: DEMO_USERS.projectAdmin.accountId },
  nico: { kind: 'user', accountId: DEMO_USERS.member.accountId },
  app: { kind: 'app' },
  anonymous: { kind: 'anonymous' },
} as const satisfies Record<string, JiraCaller>;

export interface Sandbox {
  jira: JiraFake;
  /** Closes the database and opens it again, as a host restart would. */
  reopen(options?: { reset?: boolean }): JiraFake;
  dispose(): void;
}

/** A fake over a fresh database in its own temporary directory. */
export function sandbox(): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jira-fake-'));
  let db: Db = openDb(dir);
  const box: Sandbox = {
    jira: createJira(db),
    reopen(options = {}) {
      db.close();
      db = openDb(dir);
      box.jira = createJira(db, options);
      return box.jira;
    },
    dispose() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return box;
}

export interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/** Sends one REST call and reads the JSON answer. */
export async function call(jira: JiraFake, caller: JiraCaller, method: string, pathAndQuery: string, body?: unknown): Promise<Answer> {
  const response = await jira.handle({
    method,
    path: pathAndQuery,
    caller,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}
