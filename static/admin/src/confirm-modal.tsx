import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type ReactNode, type RefObject } from 'react';
import { toApiError } from '../../shared/api-error';
import { adminMessage } from './admin-text';

export interface ConfirmModalProps {
  title: string;
  /** What happens, said before it does. */
  children: ReactNode;
  confirmLabel: string;
  appearance?: 'danger' | 'warning';
  /** Runs on confirmation; the dialog closes once it resolves, and shows why when it rejects. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Where focus goes when the dialog closes, if not back to what opened it (say, a row that is now gone). */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** False when `onConfirm` opens what comes next itself (a secret to copy). */
  closeOnSuccess?: boolean;
  testId: string;
}

/** A question before an action that cannot be undone; Escape or Cancel leave everything as it was. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  appearance,
  onConfirm,
  onClose,
  returnFocusTo,
  closeOnSuccess = true,
  testId,
}: ConfirmModalProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      if (closeOnSuccess) onClose();
    } catch (thrown) {
      setFailure(adminMessage(toApiError(thrown)));
      setBusy(false);
    }
  };
  return (
    <Modal
      onClose={() => (busy ? undefined : onClose())}
      testId={testId}
      width="small"
      {...(returnFocusTo ? { shouldReturnFocus: returnFocusTo as RefObject<HTMLElement> } : {})}
    >
      <ModalHeader hasCloseButton>
        <ModalTitle {...(appearance ? { appearance } : {})}>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          {children}
          {failure ? (
            <SectionMessage appearance="error" title="That did not work" testId={`${testId}-failure`}>
              {failure}
            </SectionMessage>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} isDisabled={busy} testId={`${testId}-cancel`}>
          Cancel
        </Button>
        <Button appearance={appearance ?? 'primary'} onClick={() => void confirm()} isLoading={busy} testId={`${testId}-confirm`}>
          {confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
