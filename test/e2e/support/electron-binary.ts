// Whether the real Electron binary (and a display) is here, for the _electron specs that skip with a printed reason.
import fs from 'node:fs';
import { createRequire } from 'node:module';

function electronBinary(): { path: string } | { reason: string } {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary };
    return { reason: 'the electron package points at no binary' };
  } catch (error) {
    return { reason: `no Electron binary here (${(error as Error).message.split('\n')[0]})` };
  }
}

/** The binary's path, or why an Electron window cannot be started here (printed by the caller's skip). */
export function electronOrSkipReason(): { binary: string | null; skipReason: string | null } {
  const found = electronBinary();
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY;
  if ('reason' in found) return { binary: null, skipReason: found.reason };
  return {
    binary: found.path,
    skipReason: noDisplay ? 'no DISPLAY for an Electron window (run under xvfb-run)' : null,
  };
}
