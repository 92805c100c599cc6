import pkg from '../package.json';

/** The app's version, as receivers see it in `User-Agent: projectrak-webhooks/<version>`. */
export const APP_VERSION: string = pkg.version;
export const USER_AGENT = `projectrak-webhooks/${APP_VERSION}`;
