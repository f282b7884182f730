// A served Vite app is built when its build is missing or older than its sources: `npm run server` on a fresh clone
// serves the owner dashboard at /, with no separate build step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DASHBOARD, whyBuild } from '../../scripts/vite-builds';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galla-vite-builds-'));
  dirs.push(dir);
  return dir;
}

/** An app folder with one source file and (optionally) a build, each with the given modification time. */
function app(times: { source: number; built?: number }) {
  const dir = tempDir();
  const source = path.join(dir, 'src', 'main.tsx');
  const output = path.join(dir, 'dist', 'index.html');
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.writeFileSync(source, 'export {};');
  fs.utimesSync(source, times.source, times.source);
  fs.utimesSync(path.dirname(source), times.source, times.source);
  if (times.built !== undefined) {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, '<!doctype html>');
    fs.utimesSync(output, times.built, times.built);
  }
  return { output, sources: [path.join(dir, 'src')] };
}

describe('building a served Vite app', () => {
  it('builds when there is no build yet', () => {
    expect(whyBuild(app({ source: 1_000 }))).toBe('it has not been built yet');
  });

  it('builds when a source changed after the last build, naming what changed', () => {
    expect(whyBuild(app({ source: 2_000, built: 1_000 }))).toMatch(/src changed since the last build$/);
  });

  it('does not build when the build is newer than every source', () => {
    expect(whyBuild(app({ source: 1_000, built: 2_000 }))).toBeNull();
  });
});

/** The server's port, read from its "listening" log line. */
function listeningPort(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((text) => text.includes('galla server listening'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`npm run server exited with ${code}: ${out}`)));
  });
}

describe('npm run server', () => {
  it('builds a stale owner dashboard on start and serves it at /', async () => {
    // As on a fresh clone or after a pull: whatever build is there is older than the dashboard's sources.
    if (fs.existsSync(DASHBOARD.output)) fs.utimesSync(DASHBOARD.output, 0, 0);
    const startedAt = Date.now();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', GALLA_DATA_DIR: tempDir(), LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'server'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const port = await listeningPort(child);
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('<title>Galla — owner dashboard</title>');
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
      expect(fs.statSync(DASHBOARD.output).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
    } finally {
      // npm starts the server as a grandchild: stop the whole group, and let it close its data folder.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }, 240_000);
});
