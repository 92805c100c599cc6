import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useRef, type ReactNode } from 'react';
import { CopyButton } from './copy-button';

export interface SecretModalProps {
  title: string;
  /** What the secret is for and how to use it. */
  children: ReactNode;
  secret: string;
  /** "the secret", "the key": for the copy button and the field's label. */
  what: string;
  onClose: () => void;
  testId: string;
}

/** A secret shown this once: copy it now; Projectrak never shows it again. */
export function SecretModal({ title, children, secret, what, onClose, testId }: SecretModalProps) {
  const field = useRef<HTMLInputElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  return (
    <Modal onClose={onClose} testId={testId} autoFocus={field} width="medium" shouldCloseOnOverlayClick={false}>
      <ModalHeader hasCloseButton>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          {children}
          <Textfield
            ref={field}
            value={secret}
            isReadOnly
            isMonospaced
            aria-label={`The new ${what.replace(/^the /, '')}`}
            onFocus={(event) => event.currentTarget.select()}
            testId={`${testId}-value`}
          />
          <CopyButton text={secret} what={what} fallback={field} testId={`${testId}-copy`} />
          <SectionMessage appearance="warning">
            <Text as="p">This is the only time it is shown. If it is lost, make a new one: Projectrak keeps it where no one can read it back.</Text>
          </SectionMessage>
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button ref={done} appearance="primary" onClick={onClose} testId={`${testId}-done`}>
          I have stored it
        </Button>
      </ModalFooter>
    </Modal>
  );
}
