// Screenshots of every screen, saved as test artifacts under test-results/screenshots (looked at by a person).
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { parseRupees } from '../../../src-shared/money';

const DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: false });
}

/** "₹1,234.50" or "-₹10.00" → paise. */
export function paiseOf(text: string): number {
  const negative = text.trim().startsWith('-');
  const paise = parseRupees(text.replace(/[-₹\s]/g, ''));
  return negative ? -paise : paise;
}

/** Alt+C, and a shift opened with this float unless one is open already (earlier specs may have left one); true if it opened one. */
export async function ensureShiftOpen(page: Page, floatRupees: string): Promise<boolean> {
  await page.keyboard.press('Alt+c');
  // The float box shows while no shift is open (beside the last closed one's report), the close form while one is.
  await expect(page.getByTestId('float').or(page.getByTestId('close-shift'))).toBeVisible();
  if (!(await page.getByTestId('float').isVisible())) return false;
  await page.keyboard.type(floatRupees);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('close-shift')).toBeVisible();
  return true;
}

/** Types like a barcode scanner: a burst of keystrokes a few ms apart, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 4 });
  await page.keyboard.press('Enter');
}

/** A font Chromium actually drew some of an element's text with (not what CSS asked for), and whether the page shipped it. */
export interface DrawnFont {
  family: string;
  /** True for a web font the app loaded (@font-face), false for a font of this machine. */
  shipped: boolean;
  glyphs: number;
}

/** The fonts Chromium actually drew an element's text with: a box-drawing fallback shows here. */
export async function renderedFonts(page: Page, selector: string): Promise<DrawnFont[]> {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => ({ family: font.familyName, shipped: font.isCustomFont, glyphs: font.glyphCount }));
  } finally {
    await cdp.detach();
  }
}
