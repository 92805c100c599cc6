import type { WebhookSummary } from '../../../src/contract/webhooks';

export type LozengeAppearance = 'success' | 'removed' | 'default' | 'moved' | 'inprogress' | 'new';

export interface StatusView {
  label: string;
  appearance: LozengeAppearance;
  /** The code or reason behind it, for the tooltip. */
  detail: string;
}

/** What went wrong last, in words: the HTTP status when there was one, else the kind of failure. */
function failure(status: WebhookSummary['status']): string {
  const reason = status.lastReason ?? 'no reason recorded';
  if (status.lastHttpStatus !== null) return `HTTP ${status.lastHttpStatus}: ${reason}`;
  return status.lastErrorClass ? `${status.lastErrorClass}: ${reason}` : reason;
}

/**
 * The status lozenge of a webhook: Disabled (with why) when Projectrak turned it off, Off when an admin did, grey
 * before its first attempt, green OK after a 2xx, red ERROR otherwise.
 */
export function statusView(webhook: WebhookSummary): StatusView {
  if (webhook.disabledReason !== null)
    return { label: 'Disabled', appearance: 'moved', detail: `Projectrak disabled it: ${webhook.disabledReason}. Turn it on again to resume.` };
  if (!webhook.enabled) return { label: 'Off', appearance: 'default', detail: 'Turned off by an admin: changes are not sent to it.' };
  const { status } = webhook;
  if (status.lastStatus === null) return { label: 'Never run', appearance: 'default', detail: 'No change has been sent to it yet.' };
  if (status.lastStatus === 'OK') return { label: 'OK', appearance: 'success', detail: `HTTP ${status.lastHttpStatus ?? 200}: delivered` };
  return { label: 'ERROR', appearance: 'removed', detail: failure(status) };
}

/** Whether deliveries go out: on, and not disabled by Projectrak. */
export const isActive = (webhook: WebhookSummary): boolean => webhook.enabled && webhook.disabledReason === null;
