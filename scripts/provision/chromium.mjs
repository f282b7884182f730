// Finds a Chromium for Playwright: GALLA_CHROMIUM, a system Chromium or Chrome on PATH, or Playwright's own download.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The path of a program on PATH, or null. */
export function onPath(name) {
  const suffixes = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const suffix of suffixes) {
      const file = path.join(dir, name + suffix);
      if (existsSync(file)) return file;
    }
  }
  return null;
}

/** Playwright's downloaded Chromium (`npx playwright install chromium`), when there is one. */
function playwrightsChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The Chromium executable the end-to-end tests drive, or null when this machine has none. */
export function findChromium() {
  const chosen = process.env.GALLA_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  for (const name of NAMES) {
    const file = onPath(name);
    if (file) return file;
  }
  return playwrightsChromium();
}
