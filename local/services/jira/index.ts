import type { Db } from '../../data/db';
import type { ProjectUpdatedEvent } from './events';
import { createEventHub } from './events';
import type { JiraCaller } from './principal';
import { dispatch } from './router';
import type { JiraRequest } from './router';
import type { DemoUser } from './seed';
import { CLOUD_ID, DEMO_USERS, SITE_URL } from './seed';
import type { ProjectRecord } from './store';
import { openStore } from './store';

export type { JiraCaller } from './principal';
export type { ProjectUpdatedEvent } from './events';
export type { JiraRequest } from './router';
export type { DemoUser } from './seed';
export { APP_ACCOUNT, CLOUD_ID, DEMO_CATEGORIES, DEMO_PROJECTS, DEMO_USERS, SITE_URL } from './seed';

/** A project as the sandbox home page lists it: the fake's current record, edits included. */
export type DemoProject = ProjectRecord;

export interface JiraFake {
  /** One REST call routed from `requestJira`; always resolves, errors included, like `fetch`. */
  handle(req: JiraRequest): Promise<Response>;
  /** The people the sandbox's user switcher offers (not the app's system user). */
  users(): DemoUser[];
  projects(): DemoProject[];
  cloudId: string;
  siteUrl: string;
  /** Called once per successful project update, with the payload of `avi:jira:updated:project`. */
  onProjectUpdated(listener: (event: ProjectUpdatedEvent) => void): void;
}

/**
 * The Jira Cloud fake over the sandbox database. Tables are created on open and seeded with the
 * demo site once; `reset` discards edits and seeds again.
 */
export function createJira(db: Db, options: { reset?: boolean } = {}): JiraFake {
  const store = openStore(db, options);
  const events = createEventHub();
  return {
    handle: (req) => Promise.resolve(dispatch(req, store, events)),
    users: () => Object.values(DEMO_USERS).map((u) => ({ ...u })),
    projects: () => store.projects(),
    cloudId: CLOUD_ID,
    siteUrl: SITE_URL,
    onProjectUpdated: (listener) => events.subscribe(listener),
  };
}

/**
 * What the sandbox home page calls to edit a project as the chosen person: the same
 * `PUT /rest/api/3/project/{id}` the app would send, so permissions, validation and the
 * `avi:jira:updated:project` event all apply.
 */
export function updateProjectAs(jira: JiraFake, caller: JiraCaller, projectIdOrKey: string, changes: Record<string, unknown>): Promise<Response> {
  return jira.handle({
    method: 'PUT',
    path: `/rest/api/3/project/${encodeURIComponent(projectIdOrKey)}`,
    body: JSON.stringify(changes),
    caller,
  });
}
