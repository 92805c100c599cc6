/** Every KVS key the app writes, in one place (Forge keys: ≤ 500 chars of [a-zA-Z0-9:._\s-#]). */
export const KEYS = {
  installedAt: 'app:installed-at',
  projectSnapshot: (projectId: string) => `jira-project:${projectId}`,
} as const;
