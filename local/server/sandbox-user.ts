import type http from 'node:http';
import type { DemoUser } from '../services/jira';
import { cookie } from './http-util';

/** Who the sandbox acts as: the "Act as" switcher's cookie. */
export const USER_COOKIE = 'sandbox_user';

/**
 * HttpOnly: no script reads or writes it, not even the chrome's. SameSite=Strict: no other site's page (the
 * Custom UI frames included, served from another site: origins.ts) sends it along.
 */
export const userCookie = (accountId: string): string => `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Strict; HttpOnly`;

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

const hasBackslashOrControl = (s: string): boolean => [...s].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to go back to after switching user: a path of this sandbox, never another site. Only a path with one
 * leading slash and no backslash nor control character is taken (not `//evil`, `/\evil`, `\\evil`, `https:evil`,
 * `/<tab>/evil`, which the URL parser reads as `//evil`), and what the parser makes of it must still be one
 * (it resolves dots: `/.//evil` becomes `//evil`).
 */
export function safeBack(back: string | null): string {
  if (back === null || !/^\/(?![/\\])/.test(back) || hasBackslashOrControl(back)) return '/';
  try {
    const base = 'http://sandbox.invalid';
    const target = new URL(back, base);
    const path = `${target.pathname}${target.search}`;
    return target.origin === base && /^\/(?![/\\])/.test(path) ? path : '/';
  } catch {
    return '/';
  }
}
