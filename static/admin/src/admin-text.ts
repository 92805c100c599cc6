import type { ApiError } from '../../shared/api-error';
import { clientErrorCodes } from '../../shared/api-error';

/** A leading "name: ", "filters.fields: " or "headers.0: ", by which the app's checks name what they refuse. */
const LEAD_IN = /^[a-z][\w]*(?:\.[\w]+)*: /i;

/**
 * A refusal in an admin's words: without the checker's lead-in naming the field (the form already shows which one),
 * starting with a capital and ending as a sentence.
 */
export function asSentence(message: string): string {
  const text = message.replace(LEAD_IN, '').trim();
  if (text === '') return 'Something went wrong.';
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/** What to tell an admin about a failed call, by what failed rather than how. */
export function adminMessage(error: ApiError): string {
  if (error.code === clientErrorCodes.bridge) return 'Projectrak could not be reached. Check your connection, then try again.';
  if (error.code === clientErrorCodes.invalidAnswer || error.code === clientErrorCodes.unexpected)
    return `Projectrak answered in a way this page did not expect. Reload the page and try again. (${error.message})`;
  if (error.fields.length > 1) return `${error.fields.length} values need changing: ${error.fields.map((f) => asSentence(f.message)).join(' ')}`;
  return asSentence(error.message);
}
