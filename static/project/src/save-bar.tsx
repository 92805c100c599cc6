import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { SaveResult } from './use-field-editor';

export interface SaveBarProps {
  saving: boolean;
  result: SaveResult;
}

/** The form's submit (Save) button and, after a save, how many fields it changed. */
export function SaveBar({ saving, result }: SaveBarProps) {
  return (
    <Inline space="space.200" alignBlock="center">
      <Button type="submit" appearance="primary" isLoading={saving} testId="save-button">
        Save
      </Button>
      {result ? (
        <Text color={result.saved > 0 ? 'color.text.success' : 'color.text.subtle'} testId="save-result" role="status">
          {result.saved > 0 ? `Saved ${result.saved} field${result.saved === 1 ? '' : 's'}` : 'Nothing changed'}
        </Text>
      ) : null}
    </Inline>
  );
}
