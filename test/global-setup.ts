import { loadManifest } from '../local/manifest';
import { buildPages } from '../local/pages';

/** The browser tests load the real pages: build them once, as `npm start` does. */
export default async function setup(): Promise<void> {
  await buildPages(loadManifest(process.cwd()), { log: (line) => console.log(line) });
}
