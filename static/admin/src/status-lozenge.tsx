import '../../shared/controls.css';
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { statusView } from './webhook-status';

/** The webhook's status lozenge; hovering or focusing it tells the code or reason (read out with it, too). */
export function StatusLozenge({ webhook }: { webhook: WebhookSummary }) {
  const view = statusView(webhook);
  return (
    <Tooltip content={view.detail}>
      {(props) => (
        <span {...props} tabIndex={0} data-testid={`webhook-status-${webhook.id}`} data-detail={view.detail}>
          <Lozenge
            appearance={view.appearance}
            isBold={view.appearance === 'success' || view.appearance === 'removed'}
            testId={`webhook-status-label-${webhook.id}`}
          >
            {view.label}
          </Lozenge>
          <span className="pr-visually-hidden">{`: ${view.detail}`}</span>
        </span>
      )}
    </Tooltip>
  );
}
