import { expect } from 'vitest';
import type { Answer, Kit, Outcome } from '../support/sdk-replay';

/**
 * The state the SDK's test cases imply. Their entities, declared as an app would in manifest.yml, with the
 * attributes the cases use: `employees` (name, age, employmentyear; an index partitioned on employmentyear),
 * `foo`, `departments`, and `entity` (the transaction tests' entity name).
 */
export const CONFORMANCE_ENTITIES = [
  {
    name: 'employees',
    attributes: { name: { type: 'string' }, age: { type: 'integer' }, employmentyear: { type: 'integer' } },
    indexes: [{ name: 'by-employmentyear', partition: ['employmentyear'], range: ['name'] }],
  },
  { name: 'foo', attributes: { foo: { type: 'string' } } },
  { name: 'departments', attributes: { name: { type: 'string' } } },
  { name: 'entity', attributes: { field1: { type: 'string' } } },
];

/** Five minutes before the fixtures' expireTime, so a 5-minute TTL written now expires at 2025-01-12T13:00:00Z. */
export const REPLAY_NOW = Date.UTC(2025, 0, 12, 12, 55, 0);
const REPLAY_SECONDS = REPLAY_NOW / 1000;
/** The fixtures' createdAt/updatedAt (epoch seconds) and expireTime. */
export const FIXTURE_SECONDS = 1_718_236_800;
export const FIXTURE_EXPIRY = '2025-01-12T13:00:00Z';

/** Writes as of the fixtures' createdAt, with a TTL that ends at their expireTime, then comes back to the replay's now. */
export async function atFixtureTimes(kit: Kit, write: (ttl: { value: number; unit: 'SECONDS' }) => Promise<unknown>): Promise<void> {
  kit.clock.now = FIXTURE_SECONDS * 1000;
  await write({ value: Date.parse(FIXTURE_EXPIRY) / 1000 - FIXTURE_SECONDS, unit: 'SECONDS' });
  kit.clock.now = REPLAY_NOW;
}

export function expectAnswers(outcome: Outcome, answers: Answer[]): void {
  expect(outcome.answers).toEqual(answers);
}

/** The host's answer to a set that asked for the latest value: its clock, in epoch seconds. */
export function latestAnswer(path: string, value: unknown): Answer {
  return {
    path,
    status: 200,
    body: { key: 'foo', value, createdAt: REPLAY_SECONDS, updatedAt: REPLAY_SECONDS, expireTime: FIXTURE_EXPIRY },
  };
}

export const notFound = (path: string, key = 'foo'): Answer => ({
  path,
  status: 404,
  body: { code: 'KEY_NOT_FOUND', message: `Provided key does not exist: ${key}` },
});
export const missingItem = (key: string, entityName?: string) => ({
  key,
  ...(entityName === undefined ? {} : { entityName }),
  error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' },
});
export const invalidEntityValue = (key: string, entityName: string) => ({
  key,
  entityName,
  error: { code: 'INVALID_ENTITY_VALUE', message: `Custom entity values must be objects of the attributes declared for "${entityName}"` },
});

/** Why the fixtures' server faults (500, a 200 that is not JSON) are not replayed: no request provokes them. */
export const PLATFORM_FAULT =
  'The fixture is a platform fault (a 500, or a 200 whose body is not JSON) that no request provokes and the host has no ' +
  'way to replay; what is asserted instead is the host’s answer to the same request.';
/** Why per-key PERMISSION_DENIED / STORAGE_LIMIT_EXCEEDED are not replayed. */
export const PER_KEY_FAULTS =
  'The fixture’s per-key PERMISSION_DENIED and STORAGE_LIMIT_EXCEEDED are conditions of the platform (no Forge page ' +
  'names them) that one local installation without quotas never meets; the host’s answer is asserted instead.';
/** Why a string cannot be a custom entity's value. */
export const ENTITY_VALUES_ARE_OBJECTS =
  'A custom entity value is an object of the entity’s attributes (entity().set takes `value: object`; values must match ' +
  "the declared types, INVALID_ENTITY_VALUE, handling-errors-customentities), so a string such as 'John Doe' cannot be " +
  'stored in an entity; Forge documents INVALID_ENTITY_VALUE, not the fixture’s VALIDATION_ERROR.';
/** Why 'second-page' is refused. */
export const FOREIGN_CURSOR =
  "The fixture sends the cursor 'second-page', which no store issued: Forge’s cursors come from getMany and are reused " +
  'with the same query (/platform/forge/storage-reference/entities/, "Cursors"). Forge documents no answer for a foreign ' +
  'cursor; the host refuses it with 400 BAD_REQUEST rather than guess a position.';
