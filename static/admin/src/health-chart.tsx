import { token } from '@atlaskit/tokens';
import type { WebhookSummary } from '../../../src/contract/webhooks';

const WIDTH = 96;
const HEIGHT = 24;
const BAR = 3;
const GAP = 1;

/**
 * The last 24 hours of a webhook, an hour a bar (oldest on the left): delivered in green under failed in red, scaled
 * to the busiest hour. Drawn, not listed; the totals are its accessible name.
 */
export function HealthChart({ webhook }: { webhook: WebhookSummary }) {
  const hours = webhook.health;
  const busiest = Math.max(1, ...hours.map((h) => h.delivered + h.failed));
  const { delivered, failed } = webhook.counts;
  const label = `Last 24 hours: ${delivered} delivered, ${failed} failed`;
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid={`webhook-health-${webhook.id}`}>
      <title>{label}</title>
      {hours.map((hour, i) => {
        const x = i * (BAR + GAP);
        const okHeight = (hour.delivered / busiest) * HEIGHT;
        const failedHeight = (hour.failed / busiest) * HEIGHT;
        return (
          <g key={i}>
            <rect x={x} y={HEIGHT - 1} width={BAR} height={1} fill={token('color.border')} />
            {okHeight > 0 ? <rect x={x} y={HEIGHT - okHeight} width={BAR} height={okHeight} fill={token('color.background.success.bold')} /> : null}
            {failedHeight > 0 ? (
              <rect x={x} y={HEIGHT - okHeight - failedHeight} width={BAR} height={failedHeight} fill={token('color.background.danger.bold')} />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
