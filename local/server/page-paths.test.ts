import { describe, expect, it } from 'vitest';
import type { UiModule } from '../runtime/manifest';
import { navigationPath, resolveAdminPath, resolveProjectPath } from './page-paths';

const makeModule = (overrides: Partial<UiModule>): UiModule => ({
  type: 'jira:adminPage',
  key: 'admin',
  title: 'Admin',
  resource: 'admin',
  resolverFunction: 'resolver',
  pages: [],
  usedAs: undefined,
  ...overrides,
});
const admin = makeModule({ pages: [{ title: 'Webhooks', route: 'webhooks' }] });
const getStarted = makeModule({ key: 'start', usedAs: 'get-started' });
const configure = makeModule({ key: 'config', usedAs: 'config' });
const project = makeModule({ type: 'jira:projectPage', key: 'project' });
const modules = [admin, getStarted, configure, project];

describe('resolveAdminPath', () => {
  it('shows the admin page at /admin and below, with the app’s location relative to /admin', () => {
    expect(resolveAdminPath(modules, '/admin')).toEqual({ module: admin, base: '/admin', location: '/' });
    expect(resolveAdminPath(modules, '/admin/webhooks/0123')).toEqual({ module: admin, base: '/admin', location: '/webhooks/0123' });
  });

  it('shows the Get started and Configure pages at their own paths', () => {
    expect(resolveAdminPath(modules, '/admin/get-started')).toEqual({ module: getStarted, base: '/admin/get-started', location: '/' });
    expect(resolveAdminPath(modules, '/admin/configure/x')).toEqual({ module: configure, base: '/admin/configure', location: '/x' });
    expect(resolveAdminPath([admin], '/admin/get-started')).toEqual({ module: admin, base: '/admin', location: '/get-started' });
  });

  it('answers nothing for other paths, or without an admin page', () => {
    expect(resolveAdminPath(modules, '/administrator')).toBeUndefined();
    expect(resolveAdminPath([project], '/admin')).toBeUndefined();
  });
});

describe('resolveProjectPath', () => {
  it('reads the key and the location under the project page', () => {
    expect(resolveProjectPath('/project/DEMO')).toEqual({ key: 'DEMO', location: '/' });
    expect(resolveProjectPath('/project/DEMO/history')).toEqual({ key: 'DEMO', location: '/history' });
    expect(resolveProjectPath('/project/')).toBeUndefined();
  });
});

describe('navigationPath', () => {
  it('leads to a module, with its path appended, and to a project page given its key', () => {
    expect(navigationPath(modules, { target: 'module', moduleKey: 'admin', path: '/fields?tab=1', type: 'same-tab' })).toEqual({
      path: '/admin/fields?tab=1',
    });
    expect(navigationPath(modules, { target: 'module', moduleKey: 'start' })).toEqual({ path: '/admin/get-started' });
    expect(navigationPath(modules, { target: 'module', moduleKey: 'project', projectKey: 'DEMO' })).toEqual({ path: '/project/DEMO' });
  });

  it('takes relative URLs of the sandbox’s module pages', () => {
    expect(navigationPath(modules, { url: '/admin/api-keys', type: 'same-tab' })).toEqual({ path: '/admin/api-keys' });
  });

  it('says why for what the sandbox cannot show', () => {
    expect(navigationPath(modules, { url: 'https://example.com/x', type: 'new-tab' })).toEqual({
      problem: 'navigating to another site (https://example.com/x) is not emulated by the sandbox',
    });
    expect(navigationPath(modules, { url: '/browse/DEMO-1' })).toEqual({ problem: '/browse/DEMO-1 is a Jira page the sandbox does not have' });
    expect(navigationPath(modules, { target: 'issue', issueKey: 'DEMO-1' })).toEqual({
      problem: "navigation target 'issue' is not emulated by the sandbox",
    });
    expect(navigationPath(modules, { target: 'module', moduleKey: 'nope' })).toEqual({ problem: "manifest.yml has no UI module 'nope'" });
    expect(navigationPath(modules, { target: 'module', moduleKey: 'project' })).toEqual({
      problem: "module 'project' (jira:projectPage) has no page the sandbox can open without a projectKey",
    });
    expect(navigationPath(modules, { target: 'module', moduleKey: 'admin', path: 'fields' })).toEqual({
      problem: "path 'fields' must start with /, ? or #",
    });
  });
});
