import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The antd vendor chunk alone is about 1.1 MB (350 kB gzip); it changes rarely and is cached.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs)[\\/]/, priority: 10 },
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
