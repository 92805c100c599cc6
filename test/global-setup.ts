import { loadManifest } from '../local/runtime/manifest';
import { buildPages } from '../local/server/build-pages';

/** The browser tests load the real pages: build them once, as `npm start` does. */
export default async function setup(): Promise<void> {
  await buildPages(loadManifest(process.cwd()), { log: (line) => console.log(line) });
}
