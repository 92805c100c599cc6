/**
 * The demo site the fake serves on first open. Ids follow Jira Cloud's formats so code that parses
 * them keeps working: account ids are 24 hex characters (the REST v3 `User.accountId` example is
 * `5b10ac8d82e05b22cc7d4ef5`), project and category ids are numbers starting at 10000 that the REST
 * API serialises as strings ("10000").
 */

/**
 * `ServerInformation.baseUrl` is the site's public URL, never the host the fake happens to run on:
 * apps build links for humans from it, and Jira Cloud sites always live under *.atlassian.net.
 */
export const SITE_URL = 'https://sandbox.atlassian.net';
export const CLOUD_ID = '7f3c2a9e-4b1d-4c8e-9a6f-2d5e8b1c0a47';

export type DemoRole = 'jira-admin' | 'project-admin' | 'member';

export interface DemoUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  timeZone: string;
  role: DemoRole;
  /** One line for the sandbox's user switcher. */
  summary: string;
  /** Holds the global ADMINISTER permission ("Administer Jira"). */
  jiraAdmin: boolean;
  /** Project ids where the permission scheme grants ADMINISTER_PROJECTS. */
  administersProjects: readonly string[];
}

export const DEMO_USERS = {
  admin: {
    accountId: '5f8a1c2e9b3d4a0012e4c7a1',
    displayName: 'Alana Admin',
    emailAddress: 'alana.admin@example.com',
    timeZone: 'Europe/Madrid',
    role: 'jira-admin',
    summary: 'Site and Jira administrator: may administer every project.',
    jiraAdmin: true,
    administersProjects: [],
  },
  projectAdmin: {
    accountId: '60b7e3d41f2c9a006f1b8d25',
    displayName: 'Pat Lead',
    emailAddress: 'pat.lead@example.com',
    timeZone: 'America/New_York',
    role: 'project-admin',
    summary: 'Lead of DEMO: administers that project only.',
    jiraAdmin: false,
    administersProjects: ['10000'],
  },
  member: {
    accountId: '61c9f0a27e4b3d0069a2e5f8',
    displayName: 'Nico Member',
    emailAddress: 'nico.member@example.com',
    timeZone: 'Australia/Sydney',
    role: 'member',
    summary: 'Plain member: browses projects, administers none.',
    jiraAdmin: false,
    administersProjects: [],
  },
} as const satisfies Record<string, DemoUser>;

/**
 * Forge's `asApp()` calls Jira "as the app, using the app user" (Forge requestJira reference), a
 * system account of type `app` that receives the permissions behind the manifest's scopes. The
 * fake assumes the manifest asks for project administration, so this account may do what an admin
 * may.
 */
export const APP_ACCOUNT = {
  accountId: '63e4a1b0c5d2f70068b3a9c4',
  displayName: 'Projectrak',
} as const;

export interface SeedCategory {
  id: string;
  name: string;
  description: string;
}

export const DEMO_CATEGORIES = {
  product: { id: '10000', name: 'Product', description: 'Customer-facing product work' },
  business: { id: '10001', name: 'Business', description: 'Internal business teams' },
} as const satisfies Record<string, SeedCategory>;

export interface SeedProject {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  url: string;
  categoryId: string | null;
  /** `classic` is company-managed; `next-gen` is team-managed and reports `simplified: true`. */
  style: 'classic' | 'next-gen';
  assigneeType: 'PROJECT_LEAD' | 'UNASSIGNED';
}

export const DEMO_PROJECTS = {
  demo: {
    id: '10000',
    key: 'DEMO',
    name: 'Demo project',
    description: 'Sandbox project for trying Projectrak fields and webhooks.',
    leadAccountId: DEMO_USERS.projectAdmin.accountId,
    projectTypeKey: 'software',
    url: 'https://example.com/demo',
    categoryId: DEMO_CATEGORIES.product.id,
    style: 'classic',
    assigneeType: 'PROJECT_LEAD',
  },
  marketing: {
    id: '10001',
    key: 'MKT',
    name: 'Marketing launch',
    description: 'Campaign plan for the spring launch.',
    leadAccountId: DEMO_USERS.admin.accountId,
    projectTypeKey: 'business',
    url: '',
    categoryId: DEMO_CATEGORIES.business.id,
    style: 'next-gen',
    assigneeType: 'UNASSIGNED',
  },
  operations: {
    id: '10002',
    key: 'OPS',
    name: 'Operations',
    description: 'Internal requests and incidents.',
    leadAccountId: DEMO_USERS.admin.accountId,
    projectTypeKey: 'service_desk',
    url: 'https://status.example.com',
    categoryId: null,
    style: 'classic',
    assigneeType: 'PROJECT_LEAD',
  },
  people: {
    id: '10003',
    key: 'HR',
    name: 'People team',
    description: 'Hiring, onboarding and team events.',
    leadAccountId: DEMO_USERS.member.accountId,
    projectTypeKey: 'business',
    url: '',
    categoryId: DEMO_CATEGORIES.business.id,
    style: 'classic',
    assigneeType: 'UNASSIGNED',
  },
} as const satisfies Record<string, SeedProject>;
