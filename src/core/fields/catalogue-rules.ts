import type { FieldDefinition, FieldError, FieldOption, FieldType } from '../../contract/fields';
import { isReservedName, OPTION_TYPES } from '../../contract/fields';
import type { CatalogueRecord } from './catalogue';
import { isJiraAttribute, JIRA_ATTRIBUTES } from './jira-attributes';

export const DESCRIPTION_MAX_CHARS = 1000;

export type CatalogueVerdict = { ok: true; record: CatalogueRecord; field: FieldDefinition } | { ok: false; errors: FieldError[] };

const error = (field: string, code: string, message: string): FieldError => ({ field, code, message });

function checkName(record: CatalogueRecord, name: string, exceptId?: number): FieldError | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 255) return error('name', 'INVALID_NAME', 'name: must be 1 to 255 characters');
  if (/^\d+$/.test(trimmed)) return error('name', 'INVALID_NAME', 'name: must not be only digits (values can be set by field id or name)');
  if (isReservedName(trimmed)) return error('name', 'RESERVED_NAME', `name: "${trimmed}" is reserved; choose another name`);
  const clash = [...record.fields, ...Object.values(JIRA_ATTRIBUTES)].find(
    (f) => f.id !== exceptId && f.name.toLowerCase() === trimmed.toLowerCase(),
  );
  return clash ? error('name', 'DUPLICATE_NAME', `name: a field named "${clash.name}" already exists`) : undefined;
}

function checkDescription(description: string | undefined): FieldError | undefined {
  return description !== undefined && description.length > DESCRIPTION_MAX_CHARS
    ? error('description', 'INVALID_DESCRIPTION', `description: must be at most ${DESCRIPTION_MAX_CHARS} characters`)
    : undefined;
}

function checkOptionNames(type: FieldType, names: string[]): FieldError | undefined {
  if (!OPTION_TYPES.includes(type))
    return names.length > 0 ? error('options', 'OPTIONS_NOT_ALLOWED', `options: a ${type} field has no options`) : undefined;
  if (names.length === 0) return error('options', 'OPTIONS_REQUIRED', `options: a ${type} field needs at least one option`);
  if (names.some((n) => n.trim() === '' || n.length > 255))
    return error('options', 'INVALID_OPTION', 'options: each option needs a name of 1 to 255 characters');
  const lower = names.map((n) => n.trim().toLowerCase());
  return new Set(lower).size === lower.length ? undefined : error('options', 'DUPLICATE_OPTION', 'options: option names must be distinct');
}

/** A new field with the next free id; its options get ids from the catalogue's option counter. */
export function addField(
  record: CatalogueRecord,
  input: { name: string; type: FieldType; description?: string | undefined; options?: string[] | undefined },
): CatalogueVerdict {
  const names = input.options ?? [];
  const errors = [checkName(record, input.name), checkDescription(input.description), checkOptionNames(input.type, names)].filter(
    (e): e is FieldError => e !== undefined,
  );
  if (errors.length > 0) return { ok: false, errors };
  const options: FieldOption[] = names.map((name, i) => ({ id: record.nextOptionId + i, name: name.trim(), disabled: false }));
  const field: FieldDefinition = {
    id: record.nextFieldId,
    name: input.name.trim(),
    type: input.type,
    ...(input.description ? { description: input.description } : {}),
    ...(OPTION_TYPES.includes(input.type) ? { options } : {}),
  };
  return {
    ok: true,
    field,
    record: { nextFieldId: record.nextFieldId + 1, nextOptionId: record.nextOptionId + options.length, fields: [...record.fields, field] },
  };
}

/**
 * Renames a field, changes its description or its options. Options keep their ids; they can be renamed or
 * disabled but not removed, so values and past events that name them stay meaningful. The type never changes.
 */
export function changeField(
  record: CatalogueRecord,
  input: {
    id: number;
    name?: string | undefined;
    description?: string | undefined;
    options?: { id?: number | undefined; name: string; disabled: boolean }[] | undefined;
  },
): CatalogueVerdict {
  const current = record.fields.find((f) => f.id === input.id);
  if (!current) return { ok: false, errors: [error('id', 'UNKNOWN_FIELD', `id: there is no field ${input.id}`)] };
  const errors: FieldError[] = [];
  const descriptionError = checkDescription(input.description);
  if (descriptionError) errors.push(descriptionError);
  if (input.name !== undefined) {
    const nameError = checkName(record, input.name, current.id);
    if (nameError) errors.push(nameError);
  }
  let nextOptionId = record.nextOptionId;
  let options = current.options;
  if (input.options !== undefined) {
    const optionError = checkOptionNames(
      current.type,
      input.options.map((o) => o.name),
    );
    const ids = input.options.flatMap((o) => (o.id === undefined ? [] : [o.id]));
    const kept = new Set(ids);
    if (kept.size !== ids.length) errors.push(error('options', 'DUPLICATE_OPTION', 'options: an option id is given more than once'));
    const removed = (current.options ?? []).filter((o) => !kept.has(o.id));
    const unknown = [...kept].filter((id) => !(current.options ?? []).some((o) => o.id === id));
    if (optionError) errors.push(optionError);
    if (removed.length > 0)
      errors.push(error('options', 'OPTION_REMOVED', `options: "${removed[0]?.name ?? ''}" cannot be removed; disable it instead`));
    if (unknown.length > 0) errors.push(error('options', 'UNKNOWN_OPTION', `options: this field has no option ${unknown[0] ?? ''}`));
    options = input.options.map((o) => ({ id: o.id ?? nextOptionId++, name: o.name.trim(), disabled: o.disabled }));
  }
  if (errors.length > 0) return { ok: false, errors };
  const field: FieldDefinition = {
    ...current,
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(options ? { options } : {}),
  };
  return { ok: true, field, record: { ...record, nextOptionId, fields: record.fields.map((f) => (f.id === field.id ? field : f)) } };
}

/** A field id that names no field of the catalogue: one of Jira's attributes, or none at all. */
function notInCatalogue(id: number): CatalogueVerdict {
  if (isJiraAttribute(id))
    return { ok: false, errors: [error('id', 'READ_ONLY_FIELD', `id: ${id} is one of Jira's own project attributes, which Projectrak only reads`)] };
  return { ok: false, errors: [error('id', 'UNKNOWN_FIELD', `id: there is no field ${id}`)] };
}

/** Archives a field, or restores it: the definition and the values stay (docs/fields.md, "Archiving and deleting"). */
export function archiveField(record: CatalogueRecord, id: number, archived: boolean): CatalogueVerdict {
  const current = record.fields.find((f) => f.id === id);
  if (!current) return notInCatalogue(id);
  const { archived: _previously, ...definition } = current;
  const field: FieldDefinition = archived ? { ...definition, archived: true } : definition;
  return { ok: true, field, record: { ...record, fields: record.fields.map((f) => (f.id === id ? field : f)) } };
}

/**
 * Removes a field from the catalogue for good. Its id is never given again (`nextFieldId` only grows), so values
 * still stored under it can never be read as another field's. Refused while webhooks that send only chosen fields
 * name it (`usedBy`: their names), so no filter is left pointing at nothing.
 */
export function deleteField(record: CatalogueRecord, id: number, usedBy: readonly string[]): CatalogueVerdict {
  const current = record.fields.find((f) => f.id === id);
  if (!current) return notInCatalogue(id);
  if (usedBy.length > 0) {
    const names = usedBy.map((name) => `"${name}"`).join(', ');
    const message = `id: ${current.name} is in the field filter of ${usedBy.length === 1 ? 'webhook' : 'webhooks'} ${names}; remove it there first, or archive the field instead`;
    return { ok: false, errors: [error('id', 'FIELD_IN_USE', message)] };
  }
  return { ok: true, field: current, record: { ...record, fields: record.fields.filter((f) => f.id !== id) } };
}
