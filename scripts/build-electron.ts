// Builds Electron's main (ESM) and preload (CommonJS, as a sandboxed preload must be) into dist/main/electron.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { buildPublicKeyPem } from './releases/signing';

const ROOT = path.resolve(import.meta.dirname, '..');
const external = ['electron', 'better-sqlite3', /^node:/];
// The publisher's public key the app verifies updates with: GALLA_RELEASE_PUBLIC_KEY (PEM, or a .pem file's path)
// for a production build, else the committed build/release-public-key.pem. It is baked into main.js here.
const releasePublicKey = buildPublicKeyPem(process.env);

await build({
  configFile: false,
  logLevel: 'warn',
  define: { __GALLA_RELEASE_PUBLIC_KEY__: JSON.stringify(releasePublicKey) },
  build: {
    ssr: path.join(ROOT, 'src-main/electron/main.ts'),
    outDir: path.join(ROOT, 'dist/main/electron'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { external, output: { format: 'es', entryFileNames: 'main.js' } },
  },
});

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: path.join(ROOT, 'src-main/electron/preload.ts'),
    outDir: path.join(ROOT, 'dist/main/electron'),
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
  },
});

// The ledger's migrations are read at start from beside the bundled main.js (src-main/db/migrate.ts), so `electron .`
// from this folder finds them exactly as an installed app does (electron-builder.yml maps the same folder).
fs.cpSync(path.join(ROOT, 'src-main/db/migrations'), path.join(ROOT, 'dist/main/electron/migrations'), {
  recursive: true,
});
