import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode, RefObject } from 'react';
import type { SaveOutcome } from './use-field-editor';

const barStyles = xcss({
  position: 'sticky',
  insetBlockEnd: 'space.0',
  zIndex: 'card',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.overflow',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

export interface SaveBarProps {
  changedCount: number;
  saving: boolean;
  outcome: SaveOutcome;
  onDiscard: () => void;
  saveRef: RefObject<HTMLButtonElement>;
  discardRef: RefObject<HTMLButtonElement>;
  /** The error summary, shown above the buttons. */
  summary: ReactNode;
}

function statusText(changedCount: number, outcome: SaveOutcome): string {
  if (changedCount > 0) return `${changedCount} unsaved change${changedCount === 1 ? '' : 's'}`;
  if (outcome && outcome.saved > 0) return `Saved ${outcome.saved} field${outcome.saved === 1 ? '' : 's'}`;
  if (outcome) return 'Nothing changed';
  return 'No unsaved changes';
}

/**
 * Stays at the bottom of the page while the fields scroll: what is unsaved, the error summary of a refused save, and
 * the form's Save (submit) button. Save is never disabled, so focus on it is never dropped; Discard appears with
 * the first change.
 */
export function SaveBar({ changedCount, saving, outcome, onDiscard, saveRef, discardRef, summary }: SaveBarProps) {
  return (
    <Box xcss={barStyles} testId="save-bar">
      <Stack space="space.150">
        {summary}
        <Inline space="space.200" alignBlock="center" spread="space-between">
          <Text
            color={changedCount === 0 && outcome && outcome.saved > 0 ? 'color.text.success' : 'color.text.subtle'}
            testId="save-result"
            role="status"
          >
            {statusText(changedCount, outcome)}
          </Text>
          <Inline space="space.100">
            {changedCount > 0 ? (
              <Button ref={discardRef} appearance="subtle" onClick={onDiscard} testId="discard-button">
                Discard changes
              </Button>
            ) : null}
            <Button ref={saveRef} type="submit" appearance="primary" isLoading={saving} testId="save-button">
              Save
            </Button>
          </Inline>
        </Inline>
      </Stack>
    </Box>
  );
}
