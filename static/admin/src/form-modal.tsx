import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, type ModalDialogProps } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { FormEvent, ReactNode, RefObject } from 'react';

export interface FormModalProps {
  title: string;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  busy: boolean;
  /** What went wrong that belongs to no input: said once, at the end of the form. */
  failure: string | null;
  failureTitle: string;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  width?: ModalDialogProps['width'];
  autoFocus?: RefObject<HTMLElement | null>;
  /** `<testId>` on the dialog; `-save`, `-cancel` and `-failure` on its parts. */
  testId: string;
  children: ReactNode;
}

/** A dialog that is a form: Escape and Cancel close it (not while it saves), Enter in a field submits it. */
export function FormModal({
  title,
  label,
  submitLabel,
  busy,
  failure,
  failureTitle,
  onSubmit,
  onClose,
  width = 'medium',
  autoFocus,
  testId,
  children,
}: FormModalProps) {
  return (
    <Modal onClose={() => (busy ? undefined : onClose())} width={width} testId={testId} shouldScrollInViewport {...(autoFocus ? { autoFocus } : {})}>
      <form onSubmit={onSubmit} noValidate aria-label={label}>
        <ModalHeader hasCloseButton>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            {children}
            {failure ? (
              <SectionMessage appearance="error" title={failureTitle} testId={`${testId}-failure`}>
                {failure}
              </SectionMessage>
            ) : null}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} isDisabled={busy} testId={`${testId}-cancel`}>
            Cancel
          </Button>
          <Button type="submit" appearance="primary" isLoading={busy} testId={`${testId}-save`}>
            {submitLabel}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
