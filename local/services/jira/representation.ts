import type { Account } from './principal';
import { accountById } from './principal';
import { SITE_URL } from './seed';
import type { CategoryRecord, JiraStore, ProjectRecord } from './store';

/**
 * REST v3 JSON shapes, field for field as Jira Cloud returns them (the Project, User and
 * ProjectCategory schemas of the platform OpenAPI document). Fields the fake does not model
 * (components, issue types, versions, roles, insight) are left out rather than faked empty.
 */

const API = `${SITE_URL}/rest/api/3`;

/** Jira's default avatar URLs: one per size, served by the site for projects. */
function projectAvatars(id: string): Record<string, string> {
  const url = (size: string) => `${SITE_URL}/secure/projectavatar?size=${size}&pid=${id}`;
  return { '48x48': url('large'), '24x24': url('small'), '16x16': url('xsmall'), '32x32': url('medium') };
}

/** People without a picture get Atlassian's initials avatar, as in the REST examples. */
function userAvatars(account: Account): Record<string, string> {
  const initials = account.displayName
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join('')
    .slice(0, 2);
  const url = (px: number) => `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-5.png?size=${px}&s=${px}`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

/** The compact user embedded in other resources, such as a project's `lead`. */
export function userRefJson(account: Account): Record<string, unknown> {
  return {
    self: `${API}/user?accountId=${account.accountId}`,
    accountId: account.accountId,
    accountType: account.accountType,
    avatarUrls: userAvatars(account),
    displayName: account.displayName,
    active: true,
  };
}

/** A user in lists (`/user/bulk`, `/user/search`, `/users/search`). App accounts have no email. */
export function userJson(account: Account): Record<string, unknown> {
  const { self, accountId, accountType, avatarUrls, displayName, active } = userRefJson(account);
  return {
    self,
    accountId,
    accountType,
    ...(account.emailAddress === undefined ? {} : { emailAddress: account.emailAddress }),
    avatarUrls,
    displayName,
    active,
    ...(account.timeZone === undefined ? {} : { timeZone: account.timeZone }),
    locale: 'en_US',
  };
}

/** `GET /user` and `GET /myself`: groups and application roles are collapsed unless expanded. */
export function userDetailJson(account: Account): Record<string, unknown> {
  const groups = account.jiraAdmin ? 3 : 2;
  return {
    ...userJson(account),
    groups: { size: account.accountType === 'app' ? 1 : groups, items: [] },
    applicationRoles: { size: account.accountType === 'app' ? 0 : 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function categoryJson(category: CategoryRecord): Record<string, unknown> {
  return {
    self: `${API}/projectCategory/${category.id}`,
    id: category.id,
    name: category.name,
    description: category.description,
  };
}

function leadJson(project: ProjectRecord): Record<string, unknown> {
  const lead = accountById(project.leadAccountId);
  return lead ? userRefJson(lead) : { accountId: project.leadAccountId, active: false };
}

/** Optional parts that Jira adds to search results only when named in `expand`. */
export type ProjectExpand = ReadonlySet<string>;

/**
 * A project as `GET /project/search` and `GET /project` list it. `description`, `lead` and `url`
 * appear only when expanded; `projectCategory` only when the project has one.
 */
export function projectSummaryJson(store: JiraStore, project: ProjectRecord, expand: ProjectExpand): Record<string, unknown> {
  const category = project.categoryId === null ? undefined : store.category(project.categoryId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${API}/project/${project.id}`,
    id: project.id,
    key: project.key,
    ...(expand.has('description') ? { description: project.description } : {}),
    ...(expand.has('lead') ? { lead: leadJson(project) } : {}),
    name: project.name,
    avatarUrls: projectAvatars(project.id),
    ...(category ? { projectCategory: categoryJson(category) } : {}),
    projectTypeKey: project.projectTypeKey,
    simplified: project.style === 'next-gen',
    style: project.style,
    isPrivate: false,
    properties: {},
    ...(expand.has('url') && project.url !== '' ? { url: project.url } : {}),
  };
}

/**
 * `GET /project/{idOrKey}` and the `PUT` response: Jira includes description and lead by default
 * here, and `url` whenever one is set.
 */
export function projectJson(store: JiraStore, project: ProjectRecord): Record<string, unknown> {
  const all: ProjectExpand = new Set(['description', 'lead', 'url']);
  return { ...projectSummaryJson(store, project, all), assigneeType: project.assigneeType };
}
