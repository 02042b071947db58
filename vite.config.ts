import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const web = resolve(import.meta.dirname, 'src/web');

// The web bundles (Teams tab, later the Outlook add-in) are built into dist/web and served by
// the product's server. /auth/callback is the tab again (the browser sign-in returns there), as
// its own page so the server's static hosting serves it without a fallback route. The manifest
// (dist/web/.vite/manifest.json, not served) tells bench/web.ts which chunks a page loads first.
// No source maps in a production build: they would hand the full source to anyone who asks (the
// server refuses *.map as well); `vite build --mode development` writes them for debugging.
export default defineConfig(({ mode }) => ({
  root: web,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: mode !== 'production',
    manifest: true,
    // Fluent UI's components are large; the shell keeps only what the first render needs and
    // every page is a chunk of its own (React.lazy).
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        tab: resolve(web, 'index.html'),
        'auth-callback': resolve(web, 'auth/callback/index.html'),
        addin: resolve(web, 'addin.html'),
      },
    },
  },
}));
