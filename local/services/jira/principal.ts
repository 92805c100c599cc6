import { APP_ACCOUNT, DEMO_USERS } from './seed';

export type JiraCaller = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

/** Any account Jira knows: the demo humans plus the app's own system user. */
export interface Account {
  accountId: string;
  /** REST v3 `User.accountType`: `atlassian` for people, `app` for an app's system user. */
  accountType: 'atlassian' | 'app';
  displayName: string;
  emailAddress?: string;
  timeZone?: string;
  jiraAdmin: boolean;
  administersProjects: readonly string[];
}

/** Who a request runs as. Jira answers anonymous callers too, with what anonymous users may see. */
export type Principal = { kind: 'anonymous' } | { kind: 'account'; account: Account };

const HUMANS: readonly Account[] = Object.values(DEMO_USERS).map((u) => ({
  accountId: u.accountId,
  accountType: 'atlassian',
  displayName: u.displayName,
  emailAddress: u.emailAddress,
  timeZone: u.timeZone,
  jiraAdmin: u.jiraAdmin,
  administersProjects: u.administersProjects,
}));

const APP: Account = {
  accountId: APP_ACCOUNT.accountId,
  accountType: 'app',
  displayName: APP_ACCOUNT.displayName,
  jiraAdmin: true,
  administersProjects: [],
};

/** People that user searches return; Jira lists app accounts only when asked for them by id. */
export function humanAccounts(): readonly Account[] {
  return HUMANS;
}

/**
 * Every account, the app's system user last: Jira's `/users/search` and `/user/search` list app
 * accounts alongside people.
 */
export function allAccounts(): readonly Account[] {
  return [...HUMANS, APP];
}

export function accountById(accountId: string): Account | undefined {
  return accountId === APP.accountId ? APP : HUMANS.find((a) => a.accountId === accountId);
}

/**
 * Maps the Forge call context onto a Jira principal. `asApp()` runs as the app's system user (Forge
 * requestJira reference: "call an Atlassian API as the app, using the app user"), so `/myself` and
 * `/mypermissions` answer for that account rather than failing. Returns undefined for an account id
 * Jira does not know, which the router answers with 401 like a request with bad credentials.
 */
export function resolvePrincipal(caller: JiraCaller): Principal | undefined {
  if (caller.kind === 'anonymous') return { kind: 'anonymous' };
  if (caller.kind === 'app') return { kind: 'account', account: APP };
  const account = HUMANS.find((a) => a.accountId === caller.accountId);
  return account ? { kind: 'account', account } : undefined;
}
