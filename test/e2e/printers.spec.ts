// Printers in Settings against the ESC/POS emulator on 127.0.0.1: the owner adds a network printer (a bad port is
// caught beside its field), prints a test page, bills a sale by keyboard and the receipt comes out by itself, the
// shift's close prints its Z-report, a bill made while the printer is off says its receipt waits and why until
// Retry now, and removing the printer empties the list.
import { expect, test, type Page } from '@playwright/test';
import { startPrinterEmulator, type PrinterEmulator } from '../../src-main/printing/emulator/server';
import { ITEMS, PINS } from './support/seed';
import { openLoggedIn } from './support/login';
import { ensureShiftOpen, paiseOf, renderedFonts, scan, shot } from './support/screens';

const [, , SOAP] = ITEMS;

test.describe.serial('printers in Settings', () => {
  let page: Page;
  let emulator: PrinterEmulator;
  const printed = () =>
    emulator.captures.filter((capture) => capture.complete).map((capture) => capture.lines.join('\n'));

  /** By keyboard, in a shift (opened if need be): one soap, ₹36 exact in cash; the saved bill's number. */
  async function billOneSoapInCash(): Promise<string> {
    await ensureShiftOpen(page, '500');
    await page.keyboard.press('Alt+b');
    await expect(page.getByTestId('scan-box')).toBeFocused();
    await scan(page, SOAP.barcode);
    await expect(page.getByTestId('bill-total')).toHaveText('₹36.00');
    await page.keyboard.press('F2');
    await page.keyboard.type('36');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('last-bill')).toContainText('saved');
    const number = /C1-\d{4}-\d{6}/.exec((await page.getByTestId('last-bill').textContent()) ?? '')?.[0];
    expect(number).toBeTruthy();
    return number!;
  }

  test.beforeAll(async ({ browser }) => {
    emulator = await startPrinterEmulator();
    page = await openLoggedIn(browser, 'Asha', PINS.owner);
    await page.keyboard.press('Alt+s');
  });

  test.afterAll(async () => {
    await page.close();
    await emulator.close();
  });

  test('with no printer the panel and the status bar say so', async () => {
    await expect(page.getByTestId('no-printers')).toContainText('No printer is configured yet.');
    await expect(page.getByTestId('printer-slot')).toContainText('Printer: not set up');
  });

  test('adding a printer: a missing host and a bad port are shown beside their fields, nothing is saved', async () => {
    await page.getByTestId('printer-add').click();
    await expect(page.getByTestId('printer-name')).toBeFocused();
    await page.keyboard.type('Counter thermal');
    await page.getByTestId('printer-port').fill('99999');
    await page.getByTestId('printer-save').click();
    await expect(page.getByTestId('printer-host-error')).toHaveText('Enter the printer’s IP address or host name.');
    await expect(page.getByTestId('printer-port-error')).toHaveText(
      'The port is a number from 1 to 65535 (usually 9100).',
    );
    await expect(page.getByTestId('no-printers')).toBeVisible();
  });

  test('a host the ledger refuses comes back beside the host field', async () => {
    await page.getByTestId('printer-host').fill('192.168.1.50/24');
    await page.getByTestId('printer-port').fill(String(emulator.port));
    await page.getByTestId('printer-save').click();
    await expect(page.getByTestId('printer-host-error')).toHaveText('host is an IP address or a host name');
    await expect(page.getByTestId('printer-error')).toHaveCount(0);
    await expect(page.getByTestId('no-printers')).toBeVisible();
  });

  test('the printer is saved as the default, with its connection and paper', async () => {
    await page.getByTestId('printer-host').fill('127.0.0.1');
    await expect(page.getByTestId('printer-host-error')).toHaveCount(0);
    await page.getByTestId('printer-drawer').check();
    await expect(page.getByTestId('printer-default')).toBeChecked();
    await page.getByTestId('printers-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '24-printer-form');
    await page.getByTestId('printer-save').click();
    const row = page.getByTestId('printer-row-counter-thermal');
    await expect(row).toContainText('Counter thermal');
    await expect(row).toContainText('default');
    await expect(row).toContainText(`Network 127.0.0.1:${emulator.port}`);
    await expect(row).toContainText('80 mm · cash drawer');
    await expect(page.getByTestId('printer-form')).toHaveCount(0);
    await expect(page.getByTestId('printer-slot')).toContainText('Printer: ready');
  });

  test('a test print comes out of the printer and the queue shows it printed', async () => {
    await page.getByTestId('test-print-counter-thermal').click();
    await expect(page.getByTestId('printers-notice')).toContainText('Test page sent to Counter thermal');
    await expect.poll(() => printed().filter((text) => text.includes('[BARCODE CODE128 GALLA-TEST]')).length).toBe(1);
    const test = printed()[0]!;
    expect(test).toContain('[DRAWER KICK pin 2]');
    expect(test).toContain('[CUT]');
    const newest = page.getByTestId('print-jobs').locator('tbody tr').first();
    await expect(newest).toContainText('Test page');
    await expect(newest).toContainText('Printed');
    await page.getByTestId('printers-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '25-printers');
  });

  test('a bill made by keyboard prints its receipt by itself, and closing the shift prints the Z-report', async () => {
    const number = await billOneSoapInCash();
    await expect
      .poll(() => printed().some((text) => text.includes(number) && text.includes('Neem Soap 100g')))
      .toBe(true);
    await expect(page.getByTestId('receipt-state')).toHaveText('Receipt printed.');

    await page.keyboard.press('Alt+c');
    const expected = paiseOf((await page.getByTestId('expected-cash').textContent()) ?? '');
    await expect(page.getByTestId('counted')).toBeFocused();
    await page.keyboard.type((expected / 100).toFixed(2));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('closed-report')).toBeVisible();
    await expect.poll(() => printed().filter((text) => text.includes('Z-REPORT counter C1')).length).toBe(1);
    expect(printed().find((text) => text.includes('Z-REPORT'))).not.toContain('REPRINT');
  });

  test('a bill made while the printer is off says its receipt waits, and why; Retry now prints it once the printer is back', async () => {
    await emulator.close();
    const number = await billOneSoapInCash();
    await expect(page.getByTestId('receipt-state')).toContainText(
      'Receipt waiting for the printer: connection refused (printer off or unplugged)',
    );
    await expect(page.getByTestId('printer-slot')).toContainText('1 queued');
    await expect(page.getByTestId('printer-slot')).toHaveClass(/owing/);
    await shot(page, '26-receipt-waiting');

    await page.keyboard.press('Alt+s');
    const newest = page.getByTestId('print-jobs').locator('tbody tr').first();
    await expect(newest).toContainText(`Bill ${number}`);
    await expect(newest).toContainText('Waiting for the printer');
    await expect(newest).toContainText('connection refused (printer off or unplugged)');
    await page.getByTestId('printers-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '26-printer-offline');
    await emulator.listen();
    await newest.getByRole('button', { name: 'Retry now' }).click();
    await expect(newest).toContainText('Printed');
    expect(printed().filter((text) => text.includes(number))).toHaveLength(1);
    await expect(page.getByTestId('printer-slot')).toContainText('Printer: ready');
    await expect(page.getByTestId('printer-slot')).not.toHaveClass(/owing/);
  });

  test('the panel reads in Hindi, bold headings and badges drawn in the shipped Devanagari font, not as boxes', async () => {
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('printers-panel')).toContainText('हाल के प्रिंट');
    await expect(page.getByTestId('print-jobs')).toContainText('छप गया');
    // Only what the app controls: the Devanagari is drawn by the web font it ships, and nothing falls through to a
    // fallback font (DejaVu Sans draws boxes). Spaces and digits may come from a system Noto Sans where one is installed.
    for (const selector of ['.printers-panel h4', '.printers-panel .badge', '.printers-panel th']) {
      const fonts = await renderedFonts(page, selector);
      const shippedDevanagari = fonts.find((font) => font.shipped && font.family === 'Noto Sans Devanagari');
      expect(shippedDevanagari?.glyphs).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.shipped && font.family !== 'Noto Sans')).toEqual([]);
    }
    await page.getByTestId('printers-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await shot(page, '27-printers-hindi');
    await page.keyboard.press('Alt+l');
    await expect(page.getByTestId('printers-panel')).toContainText('Recent print jobs');
  });

  test('removing the printer asks once more, then empties the list', async () => {
    await page.getByTestId('remove-printer-counter-thermal').click();
    await expect(page.getByTestId('confirm-remove-counter-thermal')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('printers-notice')).toContainText('Counter thermal removed.');
    await expect(page.getByTestId('no-printers')).toBeVisible();
    await expect(page.getByTestId('printer-slot')).toContainText('Printer: not set up');
  });
});
