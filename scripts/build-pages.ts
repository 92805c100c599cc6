import { loadManifest } from '../local/runtime/manifest';
import { buildPages } from '../local/server/build-pages';
import { INITIAL_JS_BUDGET_BYTES } from '../local/server/page-weight';

/**
 * `npm run build`: builds every Custom UI page into static/<name>/build (what `forge deploy` ships), prints each
 * page's initial gzipped JavaScript, and fails when one is over its budget.
 */
async function main(): Promise<void> {
  const pages = await buildPages(loadManifest(process.cwd()), { log: (line) => console.log(line) });
  const over = pages.filter((page) => page.weight.initialGzipBytes > INITIAL_JS_BUDGET_BYTES);
  if (over.length > 0) {
    console.error(`Over the initial JavaScript budget: ${over.map((page) => page.resource).join(', ')}. Load what is not on screen with import().`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
