import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api-error';
import { serverErrors } from './server-errors';

describe('serverErrors', () => {
  it('puts each refusal under its input, a list item under its own index, and keeps the rest apart', () => {
    const error = new ApiError('INVALID_INPUT', '3 values were refused', [
      { field: 'url', code: 'URL_PRIVATE_ADDRESS', message: 'url: points at a private address (10.0.0.1)' },
      { field: 'headers.1', code: 'RESERVED_HEADER', message: 'headers.1: Host is set by Projectrak or the transport and cannot be replaced' },
      { field: 'secret', code: 'X', message: 'secret: something else' },
    ]);
    expect(serverErrors(error, ['name', 'url', 'headers'])).toEqual({
      byField: { url: 'Points at a private address (10.0.0.1).', 'headers.1': 'Host is set by Projectrak or the transport and cannot be replaced.' },
      rest: ['Something else.'],
    });
  });

  it('has nothing for a failure that names no value', () => {
    expect(serverErrors(new ApiError('FORBIDDEN', 'Only Jira administrators can manage Projectrak'), ['name'])).toEqual({ byField: {}, rest: [] });
  });
});
