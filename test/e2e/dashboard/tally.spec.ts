// The Tally export on the owner dashboard against the real server: a counter synced a June of hand-worked trade
// (test/support/tally-shop.ts). The owner types the range as dd-mm-yyyy, is told beside To when it runs backwards or
// is longer than a year (English and Hindi), is refused the file while a ledger for a rate in June is empty, and
// downloads the XML once it is filled: read back, every voucher balances and the bank ledger's June is as worked by hand.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startTsx, type Started } from '../support/processes';
import { shot } from '../support/screens';
import { readTallyXml } from '../../support/tally-xml';

test.describe.serial('the Tally export on the dashboard', () => {
  let server: Started | undefined;
  let url = '';
  let login = '';
  let b2b = '';

  test.beforeAll(async () => {
    test.setTimeout(400_000);
    const started = await startTsx(
      'test/e2e/support/tally-server.ts',
      [],
      {},
      /TALLY_B2B=(\S+)[\s\S]*DASHBOARD_URL=(\S+)[\s\S]*DASHBOARD_LOGIN=(\S+)/,
      400_000,
    );
    server = started;
    [b2b, url, login] = [started.match[1]!, started.match[2]!, started.match[3]!];
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('June as Tally vouchers: a wrong range and a missing ledger are refused, then the file balances', async ({
    page,
  }) => {
    // Two saves and three exports, each a round trip to the real server: more than one screen's worth of waiting.
    test.slow();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.getByLabel('Email').fill(login);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Tally export', exact: true }).click();

    const form = page.getByTestId('tally-export');
    const from = form.getByLabel('From');
    const to = form.getByLabel('To');
    const download = form.getByRole('button', { name: 'Download Tally XML' });

    // Backwards, then longer than a financial year: said beside To, in English and Hindi.
    await from.fill('30-06-2026');
    await to.fill('01-06-2026');
    await download.click();
    const toProblem = form.locator('.field.has-problem .problem');
    await expect(toProblem).toContainText('To is before From');
    await expect(toProblem.locator('[lang="hi"]')).toContainText('पहले है');
    await from.fill('01-04-2025');
    await to.fill('30-06-2026');
    await download.click();
    await expect(toProblem).toContainText('at most 366 days');

    // The ledger for IGST at 18 % emptied and saved: June has it (Mehta Traders' bill), so nothing downloads.
    const ledgers = page.getByTestId('tally-ledgers');
    const igst18 = ledgers.getByLabel('Tally ledger for Output IGST 18 %');
    await expect(igst18).toHaveValue('Output IGST 18%');
    await igst18.fill('');
    await ledgers.getByRole('button', { name: 'Save ledgers' }).click();
    await expect(ledgers.getByRole('status')).toHaveText('Saved.');
    await from.fill('01-06-2026');
    await to.fill('30-06-2026');
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await download.click();
    const problem = page.getByTestId('tally-problem');
    await expect(problem).toContainText(`No Tally ledger for Output IGST 18 %, and ${b2b} has it.`);
    await expect(problem.locator('[lang="hi"]')).toContainText('Output IGST 18 %');
    expect(downloaded).toBe(false);
    await shot(page, 'tally-export-refused');

    // Filled in again, under the name the accountant's company uses.
    await igst18.fill('IGST Output @18%');
    await ledgers.getByRole('button', { name: 'Save ledgers' }).click();
    await expect(ledgers.getByRole('status')).toHaveText('Saved.');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('galla-tally-vouchers-01-06-2026-to-30-06-2026.xml');
    const { vouchers } = readTallyXml(await readFile((await file.path())!, 'utf8'));
    expect(vouchers.map((voucher) => voucher.type).sort()).toEqual(
      ['Credit Note', 'Debit Note', 'Payment', 'Purchase', 'Receipt', 'Sales', 'Sales', 'Sales'].sort(),
    );
    for (const voucher of vouchers) expect(voucher.entries.reduce((sum, entry) => sum + entry.paise, 0)).toBe(0);
    const entries = vouchers.flatMap((voucher) => voucher.entries);
    const net = (ledger: string) =>
      entries.filter((entry) => entry.ledger === ledger).reduce((sum, entry) => sum + entry.paise, 0);
    // UPI in June: ₹1,690 in, ₹118 refunded, ₹200 paid to the supplier → Dr ₹1,372; IGST at 18 %: ₹90 − ₹18 = Cr ₹72.
    expect(net('Bank Account')).toBe(-137_200);
    expect(net('IGST Output @18%')).toBe(7_200);
    await expect(problem).toHaveCount(0);
    await shot(page, 'tally-export');
  });
});
