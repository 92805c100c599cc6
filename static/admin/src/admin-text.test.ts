import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api-error';
import { adminMessage, asSentence } from './admin-text';

describe('asSentence', () => {
  it('drops the lead-in naming the field, and makes a sentence', () => {
    expect(asSentence('url: must use https:// (Forge sends only HTTPS), not http')).toBe('Must use https:// (Forge sends only HTTPS), not http.');
    expect(asSentence('filters.fields: choose at least one, or leave the filter off to send all')).toBe(
      'Choose at least one, or leave the filter off to send all.',
    );
    expect(asSentence('headers.0: Authorization needs a value')).toBe('Authorization needs a value.');
  });

  it('keeps a message that names no field, and its own punctuation', () => {
    expect(asSentence('Only Jira administrators can manage Projectrak')).toBe('Only Jira administrators can manage Projectrak.');
    expect(asSentence('Try again?')).toBe('Try again?');
  });
});

describe('adminMessage', () => {
  it('says what failed for the client’s own codes, and lists several refusals as sentences', () => {
    expect(adminMessage(new ApiError('BRIDGE_ERROR', 'Could not reach the app (x): y'))).toBe(
      'Projectrak could not be reached. Check your connection, then try again.',
    );
    const fields = [
      { field: 'name', code: 'INVALID_NAME', message: 'name: must be 1 to 100 characters' },
      { field: 'url', code: 'URL_HTTPS_ONLY', message: 'url: must use https://' },
    ];
    expect(adminMessage(new ApiError('INVALID_INPUT', '2 values were refused', fields))).toBe(
      '2 values need changing: Must be 1 to 100 characters. Must use https://.',
    );
    expect(adminMessage(new ApiError('FORBIDDEN', 'Only Jira administrators can manage Projectrak'))).toBe(
      'Only Jira administrators can manage Projectrak.',
    );
  });
});
