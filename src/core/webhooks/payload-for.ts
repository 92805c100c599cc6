import type { WebhookFilters } from '../../contract/webhooks';
import type { ChangeEvent } from '../changes/change-event';

/**
 * The change as one webhook wants it: none when it filters out the project, only the fields it asks for otherwise,
 * and none when that leaves no field (a change of nothing it watches is not sent).
 */
export function changeFor(event: ChangeEvent, filters: WebhookFilters): ChangeEvent | null {
  if (filters.projects !== null && !filters.projects.includes(event.project.id)) return null;
  if (filters.fields === null) return event;
  const wanted = new Set(filters.fields);
  const changes = event.changes.filter((c) => wanted.has(c.field.id));
  return changes.length === 0 ? null : { ...event, changes };
}
