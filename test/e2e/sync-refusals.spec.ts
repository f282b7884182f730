// What the server refused, on the counter's screens: a shop signs up on the dashboard and adds a counter there; the
// counter enrols with that code in Settings → Sync and sends its first changes. Then one change it had sent is sent
// again with other contents (as a counter whose file was edited would): the server refuses it with a code, and the Sync
// panel says so in shop words instead of the change vanishing as a "duplicate".
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { shot } from './support/screens';
import { startCloudServer, startCounterApp, tempDir } from './support/processes';

test.describe.serial('what the server refused, shown on the counter', () => {
  let counter: Awaited<ReturnType<typeof startCounterApp>>;
  let cloud: Awaited<ReturnType<typeof startCloudServer>>;
  let dashboard: Page;
  let till: Page;
  const folders: (() => void)[] = [];
  let ledgerFile = '';

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    const ledger = tempDir('galla-sync-refusals-counter-');
    const server = tempDir('galla-sync-refusals-server-');
    folders.push(ledger.remove, server.remove);
    ledgerFile = `${ledger.dir}/ledger.db`;
    [counter, cloud] = await Promise.all([startCounterApp(ledgerFile), startCloudServer(server.dir)]);
    dashboard = await browser.newPage();
    till = await browser.newPage();
  });

  test.afterAll(async () => {
    await dashboard?.close();
    await till?.close();
    await Promise.all([counter?.stop(), cloud?.stop()]);
    for (const remove of folders) remove();
  });

  test('the counter enrols with a code from the dashboard and sends its first changes', async () => {
    test.setTimeout(180_000);
    await dashboard.goto(cloud.url);
    await dashboard.getByRole('link', { name: 'Create a shop account' }).click();
    await dashboard.getByLabel('Shop name').fill('Meera General Store');
    await dashboard.getByLabel('Your name').fill('Meera Iyer');
    await dashboard.getByLabel('Email').fill('meera@example.in');
    await dashboard.getByLabel('Password').fill('a long enough password');
    await dashboard.getByLabel('Shop GSTIN').fill('27AAPFU0939F1ZV');
    await dashboard.getByLabel('State').selectOption('27');
    await dashboard.getByRole('button', { name: 'Create shop account' }).click();
    await dashboard.getByRole('link', { name: 'Counters' }).first().click();
    await dashboard.getByRole('button', { name: 'Add counter' }).click();
    await dashboard.getByLabel('Counter name').fill('Front counter');
    await dashboard.getByRole('button', { name: 'Get enrolment code' }).click();
    await expect(dashboard.getByTestId('enrolment-code')).toHaveText(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const code = (await dashboard.getByTestId('enrolment-code').textContent()) ?? '';
    const url = (await dashboard.getByTestId('enrolment-url').textContent()) ?? '';

    await till.goto(counter.url);
    await till.getByLabel('Your name').fill('Meera');
    await till.getByLabel('PIN').fill('4321');
    await till.getByRole('button', { name: 'Create owner' }).click();
    await expect(till.getByTestId('who')).toContainText('Meera');
    await till.keyboard.press('Alt+s');
    await till.getByTestId('enrol-url').fill(url);
    await till.getByTestId('enrol-code').fill(code);
    await till.getByTestId('enrol-submit').click();
    await expect(till.getByTestId('sync-state')).toContainText('Enrolled with Meera General Store');

    // The owner's first item: a change the counter sends to the server.
    await till.keyboard.press('Alt+i');
    await expect(till.getByTestId('item-filter')).toBeFocused();
    await till.keyboard.press('F2');
    await till.getByTestId('item-name').fill('Toor Dal 1kg');
    await till.getByTestId('item-sku').fill('TOOR-1KG');
    await till.getByTestId('item-price').fill('140');
    await till.getByTestId('item-hsn').fill('0713');
    await till.getByTestId('item-save').click();
    await expect(till.getByTestId('item-created')).toBeVisible();
    await till.keyboard.press('Escape');
    await till.keyboard.press('Alt+s');
    await expect(till.getByTestId('sync-pending')).toHaveText('0', { timeout: 60_000 });
    await expect(till.getByTestId('sync-conflicts')).toHaveCount(0);
  });

  test('a change sent again with other contents is refused, and Settings → Sync says so in shop words', async () => {
    test.setTimeout(180_000);
    // The last change the counter sent is altered in its outbox and marked unsent: the next push carries the same op id
    // with other contents, which the server must refuse rather than acknowledge as a duplicate.
    const db = new Database(ledgerFile);
    try {
      const sent = db
        .prepare('SELECT seq, payload FROM outbox WHERE sent_at IS NOT NULL ORDER BY seq DESC LIMIT 1')
        .get() as { seq: number; payload: string } | undefined;
      expect(sent, 'the enrolled counter sent something').toBeDefined();
      const payload = JSON.parse(sent!.payload) as Record<string, unknown>;
      db.prepare('UPDATE outbox SET payload = ?, sent_at = NULL WHERE seq = ?').run(
        JSON.stringify({ ...payload, name: `${String(payload.name ?? '')} (altered)` }),
        sent!.seq,
      );
    } finally {
      db.close();
    }
    // The sync engine's next round (at most 30 s apart when idle) sends it again.
    const refused = till.getByTestId('sync-conflicts');
    await expect(refused).toContainText('1 change was refused by the server', { timeout: 60_000 });
    await expect(till.getByTestId('sync-journal-refused')).toHaveCount(0);
    await refused.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shot(till, 'sync-refused');
  });
});
