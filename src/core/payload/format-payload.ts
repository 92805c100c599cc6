import type { RawValue } from '../../contract/fields';
import { MULTI_TYPES } from '../../contract/fields';
import type { ChangeEvent, FieldSnapshot } from '../changes/change-event';
import type { WebhookBody } from './payload-schema';

/**
 * One value as receivers get it (Projectrak's value formats): every value a string, numbers and durations
 * included; options by name; users by account id; projects by id; empty → null, or [] for multi-value fields.
 */
export function formatValue(field: FieldSnapshot, value: RawValue | null): string | string[] | null {
  const items = value === null ? [] : Array.isArray(value) ? value : [value];
  const text = items.map((item) => {
    if (typeof item === 'number' && field.options) return field.options.find((o) => o.id === item)?.name ?? String(item);
    return String(item);
  });
  if (MULTI_TYPES.includes(field.type)) return text;
  return text[0] ?? null;
}

/** The webhook body for one change event. Pure: same event, same body. */
export function formatPayload(event: ChangeEvent): WebhookBody {
  return {
    type: 'project.fields.updated',
    timestamp: new Date(event.at).toISOString(),
    data: {
      event: 'updated',
      user: event.user,
      timestamp: event.at,
      sequence: event.sequence,
      project: { id: Number(event.project.id), key: event.project.key, name: event.project.name },
      fields: event.changes.map(({ field, previous, current }) => ({
        id: field.id,
        name: field.name,
        type: field.type,
        value: { current: formatValue(field, current), previous: formatValue(field, previous) },
      })) as WebhookBody['data']['fields'],
    },
  };
}
