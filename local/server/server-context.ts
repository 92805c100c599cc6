import type http from 'node:http';
import type { Host } from '../host';
import type { DemoUser } from '../services/jira';
import type { SandboxOrigins } from './origins';
import type { Receiver } from './receiver';
import { HttpError } from './http-util';
import { chosenUser } from './sandbox-user';

/** What every route of the sandbox server works with. */
export interface ServerContext {
  host: Host;
  origins: SandboxOrigins;
  receiver: Receiver;
  users: DemoUser[];
}

/** Calls into Jira or the app act as the chosen user; without one they are refused. */
export function actingUser(ctx: ServerContext, req: http.IncomingMessage): DemoUser {
  const user = chosenUser(req, ctx.users);
  if (!user) throw new HttpError(403, 'Choose who to act as first (open a sandbox page, or set the sandbox_user cookie)');
  return user;
}

/** One path segment, percent-decoded (the whole path was checked to decode: sandbox-server.ts). */
export const segment = (raw: string | undefined): string => decodeURIComponent(raw ?? '');
