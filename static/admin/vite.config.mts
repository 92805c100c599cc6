import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Jira admin page (`jira:adminPage`). Build: `npx vite build --config static/admin/vite.config.ts`.
 * Forge serves `build/` inside an iframe under an unknown path, so every asset is
 * referenced relatively (`base: './'`). Kept self-contained (no shared config import)
 * so Vite's native config loader can read it as is.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  // The page Forge serves is the production build, whatever NODE_ENV says where it is built (vitest sets it to
  // "test", which would otherwise bundle React's development build: larger, and noisy in the console).
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    // Keep every asset a file next to index.html; nothing is fetched from elsewhere.
    assetsInlineLimit: 0,
    // Atlaskit + React + zod + @forge/bridge land at ~650 kB before gzip; dialogs, the delivery log and the
    // subpages other than Webhooks are chunks of their own, loaded when opened.
    chunkSizeWarningLimit: 1024,
  },
});
