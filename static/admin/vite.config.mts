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
  build: {
    outDir: 'build',
    emptyOutDir: true,
    // Keep every asset a file next to index.html; nothing is fetched from elsewhere.
    assetsInlineLimit: 0,
    // Atlaskit + React + zod + @forge/bridge land at ~650 kB before gzip.
    chunkSizeWarningLimit: 1024,
  },
});
