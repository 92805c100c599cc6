import { useFlags } from '@atlaskit/flag';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import InformationIcon from '@atlaskit/icon/core/status-information';
import SuccessIcon from '@atlaskit/icon/core/status-success';
import WarningIcon from '@atlaskit/icon/core/status-warning';
import { token } from '@atlaskit/tokens';
import { useMemo, type ReactNode } from 'react';
import { toApiError } from '../../shared/api-error';
import { adminMessage } from './admin-text';

export interface Notify {
  success: (title: string, description?: ReactNode) => void;
  info: (title: string, description?: ReactNode) => void;
  warning: (title: string, description?: ReactNode) => void;
  /** A failed action: the error in an admin's words; it stays until dismissed. */
  failure: (title: string, thrown: unknown) => void;
}

let nextId = 0;

/** Outcomes of the admin's actions as Jira shows them: flags in the corner (needs FlagsProvider above). */
export function useNotify(): Notify {
  const { showFlag } = useFlags();
  return useMemo(() => {
    const show = (appearance: 'success' | 'info' | 'warning' | 'error', icon: ReactNode, title: string, description?: ReactNode) =>
      showFlag({
        id: `flag-${++nextId}`,
        // Jira's own flags: white, the outcome told by the icon's colour and the title.
        appearance: 'normal',
        icon,
        title,
        ...(description === undefined ? {} : { description }),
        isAutoDismiss: appearance === 'success' || appearance === 'info',
        testId: `flag-${appearance}`,
      });
    return {
      success: (title, description) => show('success', <SuccessIcon label="Success" color={token('color.icon.success')} />, title, description),
      info: (title, description) => show('info', <InformationIcon label="Information" color={token('color.icon.information')} />, title, description),
      warning: (title, description) => show('warning', <WarningIcon label="Warning" color={token('color.icon.warning')} />, title, description),
      failure: (title, thrown) =>
        show('error', <ErrorIcon label="Error" color={token('color.icon.danger')} />, title, adminMessage(toApiError(thrown))),
    };
  }, [showFlag]);
}
