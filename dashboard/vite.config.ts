// Vite builds the owner dashboard (dashboard/ → dist/dashboard), which the server serves at /.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  // In development the API is the server on its default port.
  server: { host: '127.0.0.1', proxy: { '/trpc': 'http://127.0.0.1:4400' } },
});
