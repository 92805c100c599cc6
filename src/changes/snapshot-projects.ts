import { asApp, getAppContext, route } from '@forge/api';
import { z } from 'zod';
import { syncJiraProject } from './sync-jira-project';

const page = z.looseObject({ values: z.array(z.looseObject({ id: z.string() })), isLast: z.boolean().optional() });
// Leave time to finish the project in hand: product triggers get 25 s (FORGE-NOTES.md, "Function time").
const STOP_WITH_MS_LEFT = 5000;

/**
 * Takes the first snapshot of every project's Jira attributes, so the first change after install is already
 * a diff. A project not reached in time is snapshotted when the app first sees it instead.
 */
export async function snapshotAllProjects(): Promise<number> {
  let done = 0;
  for (let startAt = 0; ; startAt += 50) {
    const response = await asApp().requestJira(route`/rest/api/3/project/search?startAt=${startAt}&maxResults=50`);
    if (!response.ok) throw new Error(`project/search answered ${response.status}`);
    const { values, isLast } = page.parse(await response.json());
    for (const project of values) {
      if (getAppContext().invocationRemainingTimeInMillis() < STOP_WITH_MS_LEFT) return done;
      await syncJiraProject(project.id);
      done++;
    }
    if (isLast !== false || values.length === 0) return done;
  }
}
