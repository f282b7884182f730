// Remembers the window's size, position and maximised state between starts, in a small JSON file beside the ledger.
import fs from 'node:fs';
import { z } from 'zod';

const windowState = z.object({
  width: z.number().int().min(800).max(10_000).default(1280),
  height: z.number().int().min(600).max(10_000).default(800),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean().default(false),
});

export type WindowState = z.infer<typeof windowState>;

export function readWindowState(file: string): WindowState {
  try {
    return windowState.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    // No file yet, or a damaged one: start with the default size rather than refuse to open.
    return windowState.parse({});
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  fs.writeFileSync(file, JSON.stringify(state));
}
