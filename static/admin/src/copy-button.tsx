import Button from '@atlaskit/button/new';
import CopyIcon from '@atlaskit/icon/core/copy';
import { Inline, Text } from '@atlaskit/primitives';
import { useState, type RefObject } from 'react';

export interface CopyButtonProps {
  text: string;
  /** What is copied, for the button's label ("Copy the secret"). */
  what: string;
  /** The field showing the text: selected when the clipboard is closed to the page, for Ctrl+C. */
  fallback?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  testId: string;
}

/** Copies to the clipboard and says so; where Jira's frame keeps the clipboard closed, selects the text instead. */
export function CopyButton({ text, what, fallback, testId }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      fallback?.current?.focus();
      fallback?.current?.select();
      setOutcome('selected');
    }
  };
  return (
    <Inline space="space.100" alignBlock="center">
      <Button iconBefore={CopyIcon} onClick={() => void copy()} testId={testId}>
        {`Copy ${what}`}
      </Button>
      <Text size="small" color="color.text.subtle" role="status">
        {outcome === 'copied' ? 'Copied.' : outcome === 'selected' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </Text>
    </Inline>
  );
}
