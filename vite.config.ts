import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.js';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Where `npm run dev:web` sends API calls; the Lan Tỏa server listens on port 3000 by default. */
const apiTarget = process.env.LANTOA_API_TARGET ?? 'http://127.0.0.1:3000';

/**
 * Everything under /api goes to the server, except the app's own modules in src/web/api/,
 * which the dev server requests as /api/client.ts, /api/endpoints.ts, …
 */
function isWebSourceFile(url: string | undefined): boolean {
  const pathname = (url ?? '').split('?')[0] ?? '';
  return statSync(join(root, pathname), { throwIfNoEntry: false })?.isFile() ?? false;
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // The largest chunk is the report page's (echarts, about 520 kB; 170 kB gzip), loaded only there.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React, the router and react-query are needed by every page: one long-cached chunk. antd is
        // NOT grouped: each component lands in the chunks of the pages that use it, so that the
        // login page and the public form do not load the Table, DatePicker, Tree or Upload.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, bypass: (req) => (isWebSourceFile(req.url) ? req.url : undefined) },
    },
  },
});
