// resolvers
export { handler as resolver } from './resolvers';

// triggers
export { onInstalled } from './triggers/on-installed';
export { onProjectUpdated } from './triggers/on-project-updated';
export { runMaintenance } from './triggers/run-maintenance';

// consumers
export { onChangeEvent } from './consumers/on-change-event';
export { onSnapshotTask } from './consumers/on-snapshot-task';
export { onDeliveryWake } from './consumers/on-delivery-wake';

// web triggers
export { restApi } from './rest-api/handler';
