import { Text } from '@atlaskit/primitives';
import type { FieldError } from '../../../src/contract/fields';
import type { ApiError } from '../../shared/api-error';
import { ErrorBanner } from '../../shared/error-banner';

/** A form's error banner, listing the refused values that belong to none of its inputs. */
export function FormFailure({ failure, title, other }: { failure: ApiError | null; title: string; other: FieldError[] }) {
  if (!failure) return null;
  return (
    <ErrorBanner error={failure} title={title}>
      {other.map((entry) => (
        <Text as="p" key={`${entry.field}-${entry.code}`}>
          {entry.field}: {entry.message}
        </Text>
      ))}
    </ErrorBanner>
  );
}
