import type { Db } from '../../data/db';
import { DEMO_CATEGORIES, DEMO_PROJECTS } from './seed';
import type { SeedCategory, SeedProject } from './seed';

/** A project as the fake keeps it; the REST shapes are derived from it in `representation.ts`. */
export type ProjectRecord = { -readonly [K in keyof SeedProject]: SeedProject[K] };
export type CategoryRecord = SeedCategory;
type EditableField = 'key' | 'name' | 'description' | 'leadAccountId' | 'url' | 'categoryId' | 'assigneeType';
/** Fields to change; absent or undefined ones are left as they are. */
export type ProjectChanges = { [K in EditableField]?: ProjectRecord[K] | undefined };

export interface JiraStore {
  /** Every project, ordered by key: the default `orderBy` of Jira's project search. */
  projects(): ProjectRecord[];
  /** Jira resolves a numeric path segment as a project id and anything else as a key (case sensitive). */
  project(idOrKey: string): ProjectRecord | undefined;
  updateProject(id: string, changes: ProjectChanges): ProjectRecord;
  categories(): CategoryRecord[];
  category(id: string): CategoryRecord | undefined;
}

interface ProjectRow {
  id: number;
  key: string;
  name: string;
  description: string;
  lead_account_id: string;
  project_type_key: SeedProject['projectTypeKey'];
  url: string;
  category_id: number | null;
  style: SeedProject['style'];
  assignee_type: SeedProject['assigneeType'];
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jira_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_project_categories (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jira_projects (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '', lead_account_id TEXT NOT NULL,
    project_type_key TEXT NOT NULL, url TEXT NOT NULL DEFAULT '',
    category_id INTEGER REFERENCES jira_project_categories(id),
    style TEXT NOT NULL, assignee_type TEXT NOT NULL);
  CREATE UNIQUE INDEX IF NOT EXISTS jira_projects_name ON jira_projects (lower(name));
`;

const COLUMNS: Record<EditableField, keyof ProjectRow> = {
  key: 'key',
  name: 'name',
  description: 'description',
  leadAccountId: 'lead_account_id',
  url: 'url',
  categoryId: 'category_id',
  assigneeType: 'assignee_type',
};

function toRecord(row: ProjectRow): ProjectRecord {
  return {
    id: String(row.id),
    key: row.key,
    name: row.name,
    description: row.description,
    leadAccountId: row.lead_account_id,
    projectTypeKey: row.project_type_key,
    url: row.url,
    categoryId: row.category_id === null ? null : String(row.category_id),
    style: row.style,
    assigneeType: row.assignee_type,
  };
}

/** Seeds once per database so edits made in the sandbox survive restarts; `reset` starts over. */
function seed(db: Db, reset: boolean): void {
  db.transaction(() => {
    if (reset) db.exec('DELETE FROM jira_projects; DELETE FROM jira_project_categories; DELETE FROM jira_meta;');
    if (db.prepare("SELECT 1 FROM jira_meta WHERE name = 'seeded'").get()) return;
    const category = db.prepare('INSERT INTO jira_project_categories (id, name, description) VALUES (?, ?, ?)');
    for (const c of Object.values(DEMO_CATEGORIES)) category.run(Number(c.id), c.name, c.description);
    const project = db.prepare(
      `INSERT INTO jira_projects (id, key, name, description, lead_account_id, project_type_key, url,
         category_id, style, assignee_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const p of Object.values(DEMO_PROJECTS)) {
      const categoryId = p.categoryId === null ? null : Number(p.categoryId);
      project.run(Number(p.id), p.key, p.name, p.description, p.leadAccountId, p.projectTypeKey, p.url, categoryId, p.style, p.assigneeType);
    }
    db.prepare("INSERT INTO jira_meta (name, value) VALUES ('seeded', ?)").run(new Date().toISOString());
  })();
}

export function openStore(db: Db, options: { reset?: boolean } = {}): JiraStore {
  db.exec(SCHEMA);
  seed(db, options.reset === true);
  const byId = db.prepare<[number], ProjectRow>('SELECT * FROM jira_projects WHERE id = ?');
  const byKey = db.prepare<[string], ProjectRow>('SELECT * FROM jira_projects WHERE key = ?');
  const categoryById = db.prepare<[number], { id: number; name: string; description: string }>('SELECT * FROM jira_project_categories WHERE id = ?');
  const categoryRow = (row: { id: number; name: string; description: string }): CategoryRecord => ({
    ...row,
    id: String(row.id),
  });

  const store: JiraStore = {
    projects: () => db.prepare<[], ProjectRow>('SELECT * FROM jira_projects ORDER BY key').all().map(toRecord),
    project(idOrKey) {
      const row = /^\d+$/.test(idOrKey) ? byId.get(Number(idOrKey)) : byKey.get(idOrKey);
      return row ? toRecord(row) : undefined;
    },
    updateProject(id, changes) {
      const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
      if (entries.length > 0) {
        const sets = entries.map(([k]) => `${COLUMNS[k as EditableField]} = ?`).join(', ');
        const values = entries.map(([k, v]) => (k === 'categoryId' && v !== null ? Number(v) : v));
        db.prepare(`UPDATE jira_projects SET ${sets} WHERE id = ?`).run(...values, Number(id));
      }
      const updated = store.project(id);
      if (!updated) throw new Error(`jira fake: project ${id} vanished during update`);
      return updated;
    },
    categories: () =>
      db.prepare<[], { id: number; name: string; description: string }>('SELECT * FROM jira_project_categories ORDER BY id').all().map(categoryRow),
    category(id) {
      if (!/^\d+$/.test(id)) return undefined;
      const row = categoryById.get(Number(id));
      return row ? categoryRow(row) : undefined;
    },
  };
  return store;
}
