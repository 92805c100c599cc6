import type http from 'node:http';
import type { DemoUser } from '../services/jira';
import { cookie } from './http-util';

/** Who the sandbox acts as: the "Act as" switcher's cookie. */
export const USER_COOKIE = 'sandbox_user';

export const userCookie = (accountId: string): string => `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Strict`;

/** The user the cookie names, if it names one; calls into the app need one (no silent fallback to an admin). */
export function chosenUser(req: http.IncomingMessage, users: readonly DemoUser[]): DemoUser | undefined {
  const accountId = cookie(req, USER_COOKIE);
  return users.find((u) => u.accountId === accountId);
}

/** For a page: the chosen user, or the first demo user, whom the page then sets as chosen. */
export function pageUser(req: http.IncomingMessage, users: readonly DemoUser[]): { user: DemoUser; setCookie?: string } {
  const chosen = chosenUser(req, users);
  if (chosen) return { user: chosen };
  const first = users[0];
  if (!first) throw new Error('the Jira fake has no users');
  return { user: first, setCookie: userCookie(first.accountId) };
}

/** A state-changing request from another site (a browser says where it comes from in Origin). */
export function isCrossSite(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && origin !== `http://${req.headers.host ?? ''}`;
}

/** Where to go back to after switching user: a path on this sandbox only, never another site. */
export function safeBack(back: string | null, origin: string): string {
  try {
    const target = new URL(back ?? '/', origin);
    return target.origin === origin ? `${target.pathname}${target.search}` : '/';
  } catch {
    return '/';
  }
}
