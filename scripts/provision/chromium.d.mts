// Types of chromium.mjs, for playwright.config.ts.
export function onPath(name: string): string | null;
export function findChromium(): string | null;
