import Button from '@atlaskit/button/new';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Text } from '@atlaskit/primitives';
import type { RefObject } from 'react';

export interface DiscardDialogProps {
  count: number;
  onDiscard: () => void;
  onClose: () => void;
  /** Where focus goes when the dialog closes; read as it closes, so discarding can point it elsewhere first. */
  returnFocusTo: RefObject<HTMLElement>;
}

/**
 * Asks before throwing away unsaved changes. Loaded when first opened, as dialogs are not on screen. Escape, the
 * close button or Keep editing close it without a change.
 */
export default function DiscardDialog({ count, onDiscard, onClose, returnFocusTo }: DiscardDialogProps) {
  return (
    <ModalDialog onClose={onClose} shouldReturnFocus={returnFocusTo} width="small" testId="discard-dialog">
      <ModalHeader hasCloseButton>
        <ModalTitle appearance="warning">Discard your changes?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Text as="p">
          {count === 1 ? 'One field has a change' : `${count} fields have changes`} not saved yet. Discarding puts back the values stored for this
          project.
        </Text>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} testId="discard-cancel">
          Keep editing
        </Button>
        <Button appearance="warning" onClick={onDiscard} testId="discard-confirm">
          Discard changes
        </Button>
      </ModalFooter>
    </ModalDialog>
  );
}
