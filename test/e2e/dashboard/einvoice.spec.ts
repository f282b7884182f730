// E-invoicing from the owner's dashboard and the counter's invoice screen, against the real server whose GSP adapter
// reaches the local IRP stand-in, and a real counter that syncs (test/e2e/support/einvoice-server.ts). The owner's
// switch is refused in English and Hindi until the shop has a legal name; once on, the counter's B2B bill is reported
// and its IRN, Ack No and Ack date show on the page and on the counter's invoice screen; a second bill the IRP refuses
// shows the IRP's code and message in both places; a cancel with no remark is refused beside the box, then the IRN is
// cancelled and the counter says so.
import { expect, test, type Page } from '@playwright/test';
import { startTsx, type Started } from '../support/processes';
import { loginAs } from '../support/login';
import { shot } from '../support/screens';

test.describe.serial('e-invoices on the dashboard and the counter', () => {
  let server: Started | undefined;
  let url = '';
  let login = '';
  let counterUrl = '';
  let pin = '';
  let number = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const started = await startTsx(
      'test/e2e/support/einvoice-server.ts',
      [],
      {},
      /EINVOICE_INVOICE=(\S+)[\s\S]*COUNTER_URL=(\S+)[\s\S]*COUNTER_PIN=(\S+)[\s\S]*DASHBOARD_URL=(\S+)[\s\S]*DASHBOARD_LOGIN=(\S+)/,
      300_000,
    );
    server = started;
    [number, counterUrl, pin, url, login] = started.match.slice(1, 6) as [string, string, string, string, string];
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  async function openInvoiceOnCounter(page: Page, invoiceNumber: string) {
    // A fresh load each time: the screen reads the ledger as the counter's sync last left it.
    await page.goto('about:blank');
    await page.goto(counterUrl);
    await loginAs(page, 'Chetan', pin);
    await page.keyboard.press('Alt+n');
    await page.getByTestId('invoice-search').fill(invoiceNumber);
    await page.getByTestId('invoice-row').filter({ hasText: invoiceNumber }).click();
    await expect(page.getByTestId('invoice-number')).toHaveText(invoiceNumber);
  }

  test('turn it on, see the IRN and a refusal, cancel within 24 hours; the counter shows each', async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(url);
    await page.getByLabel('Email').fill(login);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'E-invoices', exact: true }).click();

    const panel = page.getByTestId('einvoice-switch');
    const toggle = panel.getByRole('checkbox', { name: 'Report B2B bills to the IRP' });
    await expect(panel.getByTestId('einvoice-state')).toHaveText('E-invoicing is off.');
    await toggle.click();
    const refusal = panel.getByTestId('einvoice-switch-error');
    await expect(refusal).toContainText("Set the shop's GSTIN and legal name before turning e-invoicing on.");
    await expect(refusal).toContainText('ई-इनवॉइस चालू करने से पहले दुकान की GSTIN और क़ानूनी नाम भरें।');
    await expect(toggle).not.toBeChecked();
    await shot(page, 'einvoice-refused-switch');

    // The owner gives the legal name on Shop settings, as a person would, and comes back.
    await page.getByRole('link', { name: 'Shop settings', exact: true }).click();
    await page.getByLabel('Legal name').fill('Galla Kirana Private Limited');
    await page.getByLabel('Address').fill('MG Road, Pune 411001');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('link', { name: 'E-invoices', exact: true }).click();
    await toggle.click();
    await expect(panel.getByTestId('einvoice-state')).toHaveText('E-invoicing is on.');
    await expect(refusal).toHaveCount(0);

    // The counter syncs its waiting bill; it is queued, then reported on "Report now".
    const table = page.getByTestId('einvoices');
    const row = table.getByRole('row', { name: new RegExp(number) });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('Queued', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Report now' }).click();
    await expect(row).toContainText('Reported');
    await expect(row).toContainText(/[0-9a-f]{12}…/);
    await expect(row.getByRole('cell').nth(5)).toHaveText(/^\d{10,}$/);
    await expect(row.getByRole('cell').nth(6)).toHaveText(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);

    // The counter then makes a second B2B bill, which the IRP refuses.
    await expect.poll(() => /EINVOICE_REFUSED=(\S+)/.exec(server!.output())?.[1], { timeout: 30_000 }).toBeTruthy();
    const refusedNumber = /EINVOICE_REFUSED=(\S+)/.exec(server!.output())![1]!;
    const refusedRow = table.getByRole('row', { name: new RegExp(refusedNumber) });
    await expect(async () => {
      await page.getByRole('button', { name: 'Report now' }).click();
      await expect(refusedRow).toContainText('Refused', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(refusedRow).toContainText('3028 GSTIN - 29AAPFU0939F1ZR is invalid');
    await shot(page, 'einvoice-list');

    // The counter's invoice screen, after its next sync: the IRN and acknowledgement, and the IRP's refusal.
    const irn = (await row.getByRole('code').getAttribute('title'))!;
    const counter = await browser.newPage();
    await expect(async () => {
      await openInvoiceOnCounter(counter, number);
      await expect(counter.getByTestId('einvoice-irn')).toHaveText(irn, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(counter.getByTestId('einvoice-state')).toContainText('E-invoice: Reported');
    await expect(counter.getByTestId('einvoice-ack-date')).toHaveText(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    await shot(counter, 'einvoice-counter-reported');
    await expect(async () => {
      await openInvoiceOnCounter(counter, refusedNumber);
      await expect(counter.getByTestId('einvoice-refusal')).toHaveText(
        'The IRP refused it: 3028 GSTIN - 29AAPFU0939F1ZR is invalid',
        { timeout: 1_000 },
      );
    }).toPass({ timeout: 30_000 });
    await expect(counter.getByTestId('einvoice-state')).toContainText('E-invoice: Refused by the IRP');
    await shot(counter, 'einvoice-counter-refused');

    // Cancel: an empty remark is refused beside the box and nothing is sent; then the IRN is cancelled.
    await row.getByRole('button', { name: 'Cancel IRN' }).click();
    const form = page.getByTestId('einvoice-cancel');
    await expect(form.getByLabel('Reason')).toHaveValue('2');
    await form.getByRole('button', { name: 'Cancel IRN' }).click();
    const remarkProblem = form.locator('.field', { has: page.getByLabel('Remark') }).getByRole('alert');
    await expect(remarkProblem).toContainText('Say in 1 to 100 characters why the IRN is cancelled.');
    await expect(remarkProblem).toContainText('IRN रद्द करने का कारण 1 से 100 अक्षरों में लिखें।');
    await expect(row).toContainText('Reported');
    await shot(page, 'einvoice-cancel-refused');
    await form.getByLabel('Reason').selectOption({ label: 'Order cancelled' });
    await form.getByLabel('Remark').fill('Buyer cancelled the order');
    await form.getByRole('button', { name: 'Cancel IRN' }).click();
    await expect(row).toContainText('Cancelled');
    await expect(form).toHaveCount(0);
    await shot(page, 'einvoice-cancelled');

    await expect(async () => {
      await openInvoiceOnCounter(counter, number);
      await expect(counter.getByTestId('einvoice-state')).toContainText('E-invoice: Cancelled', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await shot(counter, 'einvoice-counter-cancelled');
    // The same in Hindi, the shop's other language.
    await counter.keyboard.press('Alt+l');
    await expect(counter.getByTestId('language')).toContainText('हिन्दी');
    await expect(counter.getByTestId('einvoice-state')).toContainText('ई-इनवॉइस: IRN रद्द');
    await expect(counter.getByTestId('einvoice-state')).toContainText('Ack तारीख़');
    await shot(counter, 'einvoice-counter-cancelled-hindi');
    await counter.keyboard.press('Alt+l');
    await expect(counter.getByTestId('language')).toContainText('English');
  });
});
