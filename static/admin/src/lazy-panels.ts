import { lazy } from 'react';

/**
 * What is not on screen when a page opens loads when it is opened (React.lazy): dialogs, the delivery log, and the
 * subpages other than Webhooks, so the admin page's first JavaScript stays small.
 */
export const WebhookFormModal = lazy(() => import('./webhook-form-modal').then((m) => ({ default: m.WebhookFormModal })));
export const ConfirmModal = lazy(() => import('./confirm-modal').then((m) => ({ default: m.ConfirmModal })));
export const SecretModal = lazy(() => import('./secret-modal').then((m) => ({ default: m.SecretModal })));
export const ReplayModal = lazy(() => import('./replay-modal').then((m) => ({ default: m.ReplayModal })));
export const DeliveryLog = lazy(() => import('./delivery-log').then((m) => ({ default: m.DeliveryLog })));
export const FieldFormModal = lazy(() => import('./field-form-modal').then((m) => ({ default: m.FieldFormModal })));
export const OptionsModal = lazy(() => import('./options-modal').then((m) => ({ default: m.OptionsModal })));
export const GenerateKeyModal = lazy(() => import('./generate-key-modal').then((m) => ({ default: m.GenerateKeyModal })));
export const WebhookPage = lazy(() => import('./webhook-page').then((m) => ({ default: m.WebhookPage })));
export const FieldsPage = lazy(() => import('./fields-page').then((m) => ({ default: m.FieldsPage })));
export const ApiKeysPage = lazy(() => import('./api-keys-page').then((m) => ({ default: m.ApiKeysPage })));
