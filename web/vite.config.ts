import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The console is a static bundle in web/dist that the node serves at `/`
 * (src/api/routes/console.ts). It imports the portable SDK straight from
 * ../src so a proof is checked in the browser with the very code the CLI uses.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@sdk': here('../src/sdk/index.ts'),
      '@custos': here('../src'),
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite --config web/vite.config.ts` for hot reload against a running node.
    proxy: { '/v1': 'http://127.0.0.1:8080' },
  },
});
