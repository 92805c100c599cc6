import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState } from 'react';

export interface RevokeKeyButtonProps {
  keyId: string;
  keyName: string;
  busy: boolean;
  onRevoke: () => void;
}

/**
 * "Revoke", then an inline "Revoke for good? / Cancel" confirmation (Custom UI iframes may not
 * open `window.confirm`).
 */
export function RevokeKeyButton({ keyId, keyName, busy, onRevoke }: RevokeKeyButtonProps) {
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <Button appearance="subtle" onClick={() => setConfirming(true)} testId={`apikey-revoke-${keyId}`} aria-label={`Revoke ${keyName}`}>
        Revoke
      </Button>
    );
  }
  return (
    <Inline space="space.100" alignBlock="center">
      <Text size="small">Calls using it will be refused.</Text>
      <Button appearance="danger" isLoading={busy} onClick={onRevoke} testId={`apikey-revoke-confirm-${keyId}`}>
        Revoke for good
      </Button>
      <Button appearance="subtle" isDisabled={busy} onClick={() => setConfirming(false)} testId={`apikey-revoke-cancel-${keyId}`}>
        Cancel
      </Button>
    </Inline>
  );
}
