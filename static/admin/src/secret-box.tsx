import '../../shared/controls.css';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useRef, useState } from 'react';

export interface SecretBoxProps {
  keyName: string;
  secret: string;
  onDone: () => void;
}

/** The new key's secret, shown this once, with a Copy button and a warning that it cannot be shown again. */
export function SecretBox({ keyName, secret, onDone }: SecretBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // The clipboard may be closed to a Custom UI iframe: select the text for Ctrl+C instead.
      input.current?.select();
      setCopied('select');
    }
  };

  return (
    <SectionMessage appearance="warning" title={`Copy the secret of “${keyName}” now`} testId="apikey-secret-message">
      <Stack space="space.100">
        <Text as="p">This is the only time it is shown. Store it somewhere safe; if it is lost, generate a new key and revoke this one.</Text>
        <input
          ref={input}
          className="pr-control pr-control-code"
          readOnly
          value={secret}
          aria-label="New API key secret"
          data-testid="apikey-secret"
          onFocus={(event) => event.target.select()}
        />
        <Inline space="space.100" alignBlock="center">
          <Button appearance="primary" onClick={() => void copy()} testId="apikey-secret-copy">
            Copy
          </Button>
          <Button appearance="subtle" onClick={onDone} testId="apikey-secret-done">
            I have stored it
          </Button>
          {copied ? (
            <Text size="small" color="color.text.subtle" role="status">
              {copied === 'yes' ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy.'}
            </Text>
          ) : null}
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
