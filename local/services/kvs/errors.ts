import { NO_KVS_USAGE, type KvsUsage } from '../../runtime/meter';
import { jsonAnswer } from '../../runtime/platform-response';

/**
 * A refusal shaped like Forge's: the SDK turns any non-2xx `{ code, message }` body into a
 * ForgeKvsAPIError carrying that code, so apps see the same `error.code` locally as in production.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

export interface OpResult {
  response: Response;
  usage: KvsUsage;
}

export function badRequest(message: string): KvsError {
  return new KvsError(400, 'BAD_REQUEST', message);
}

/** KEY_NOT_FOUND is the code the SDK swallows for get/delete (storage-api.js handleKeyNotFound). */
export function keyNotFound(key: string): KvsError {
  return new KvsError(404, 'KEY_NOT_FOUND', `Provided key does not exist: ${key}`);
}

export function jsonResponse(status: number, body: unknown): Response {
  return jsonAnswer(status, body);
}

export function emptyResponse(): Response {
  return new Response(null, { status: 204 });
}

export function errorResponse(error: KvsError): Response {
  return jsonResponse(error.status, { code: error.code, message: error.message });
}

/** A fresh object each time, so a caller adding to it cannot corrupt the shared zero. */
export function usage(partial: Partial<KvsUsage> = {}): KvsUsage {
  return { ...NO_KVS_USAGE, ...partial };
}

export function byteLength(json: string): number {
  return Buffer.byteLength(json, 'utf8');
}
