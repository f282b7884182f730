// Vite builds the counter's renderer (src-renderer → dist/renderer); relative paths so Electron can load it from file://.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { RENDERER_CSP } from './src-main/bridge/csp.ts';

/** The strict CSP as a meta tag in the built page, where Electron (file://) has no server to send it as a header. */
function cspMeta(): Plugin {
  return {
    name: 'galla-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" />`),
  };
}

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', strictPort: false },
});
