import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The web bundles (Teams tab, later the Outlook add-in) are built into dist/web and served by
// the product's server.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { input: { tab: resolve(import.meta.dirname, 'src/web/index.html') } },
  },
});
