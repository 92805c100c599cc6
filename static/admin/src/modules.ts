/** The admin pages' module keys in manifest.yml: one build serves both, and shows the page of the module it is in. */
export const ADMIN_MODULE = 'projectrak-admin';
export const GET_STARTED_MODULE = 'projectrak-get-started';
