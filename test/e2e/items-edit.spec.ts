// Items by hand, keyboard first: a manager creates an item (a bad HSN is shown beside its field by the ledger's own
// check), receives stock and sees the movement, then finds the item again and edits it.
import { expect, test, type Page } from '@playwright/test';
import { PINS } from './support/seed';
import { openLoggedIn } from './support/login';
import { shot } from './support/screens';

test.describe.serial('creating and editing an item', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await openLoggedIn(browser, 'Manoj', PINS.manager);
    await page.keyboard.press('Alt+i');
    await expect(page.getByTestId('item-filter')).toBeFocused();
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('F2 opens a new item with the name field focused; a price that is not a number is caught before sending', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('item-editor')).toBeVisible();
    await expect(page.getByTestId('item-name')).toBeFocused();
    await page.keyboard.type('Sona Masoori Rice 5kg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('RICE-5');
    await page.getByTestId('item-barcodes').fill('8906001230014, RICE5KG');
    await page.getByTestId('item-category').fill('Grocery');
    await page.getByTestId('item-price').fill('three hundred');
    await page.getByTestId('item-save').click();
    await expect(page.getByTestId('field-error-price')).toHaveText('Enter an amount in rupees, e.g. 45.50');
  });

  test('a bad HSN comes back from the ledger and is shown beside the HSN field; nothing is created', async () => {
    await page.getByTestId('item-price').fill('310.50');
    await page.getByTestId('item-priceIncludesTax').selectOption('excl');
    await page.getByTestId('item-cost').fill('280');
    await page.getByTestId('item-gstRateBp').selectOption('500');
    await page.getByTestId('item-hsn').fill('10063');
    await page.getByTestId('item-reorderLevel').fill('4');
    await page.getByTestId('item-save').click();
    await expect(page.getByTestId('field-error-hsn')).toHaveText('An HSN code is 4, 6 or 8 digits.');
    await expect(page.getByTestId('field-error-price')).toHaveCount(0);
    await expect(page.getByTestId('item-hsn')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('stock-panel')).toHaveCount(0);
  });

  test('with the HSN fixed the item is created and its stock panel opens', async () => {
    await page.getByTestId('item-hsn').fill('100630');
    await page.getByTestId('item-save').click();
    await expect(page.getByTestId('item-created')).toBeVisible();
    await expect(page.getByTestId('field-error-hsn')).toHaveCount(0);
    await expect(page.getByTestId('item-stock')).toHaveText('0 pcs');
  });

  test('a purchase of 12 with a note moves the stock and is listed in the movements', async () => {
    await page.getByTestId('adjust-qty').fill('12');
    await page.getByTestId('adjust-note').fill('Supplier bill 4471');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-stock')).toHaveText('12 pcs');
    const row = page.getByTestId('movement-row').first();
    await expect(row).toContainText('Purchase received');
    await expect(row).toContainText('+12');
    await expect(row).toContainText('Supplier bill 4471');
  });

  test('an adjustment can remove stock; it needs a note, asked for beside the note', async () => {
    await page.getByTestId('adjust-reason').selectOption('change');
    await page.getByTestId('adjust-qty').fill('-2');
    await page.getByTestId('adjust-save').click();
    await expect(page.getByTestId('adjust-note-error')).toHaveText('Fill this in.');
    await page.getByTestId('adjust-note').fill('Two bags torn');
    await page.getByTestId('adjust-save').click();
    await expect(page.getByTestId('item-stock')).toHaveText('10 pcs');
    await expect(page.getByTestId('movement-row')).toHaveCount(2);
    await expect(page.getByTestId('movement-row').first()).toContainText('-2');
    await shot(page, '23-item-edit');
  });

  test('a SKU already in use is named beside the SKU field', async () => {
    await page.getByTestId('item-sku').fill('DAL-1');
    await page.getByTestId('item-save').click();
    await expect(page.getByTestId('field-error-sku')).toContainText('SKU DAL-1 is already used by "Toor Dal 1kg"');
    await page.getByTestId('item-sku').fill('RICE-5');
  });

  test('the item is found again from the filter with Enter and its edit is saved', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-editor')).toHaveCount(0);
    await page.getByTestId('item-filter').fill('RICE-5');
    await expect(page.getByTestId('item-row')).toHaveCount(1);
    await expect(page.getByTestId('item-row')).toContainText('₹310.50');
    await page.getByTestId('item-filter').press('Enter');
    await expect(page.getByTestId('item-name')).toHaveValue('Sona Masoori Rice 5kg');
    await expect(page.getByTestId('item-barcodes')).toHaveValue('8906001230014, RICE5KG');
    await expect(page.getByTestId('item-priceIncludesTax')).toHaveValue('excl');
    await page.getByTestId('item-price').fill('299');
    await page.getByTestId('item-save').click();
    await expect(page.getByTestId('item-saved')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-row')).toContainText('₹299.00');
    await expect(page.getByTestId('item-row')).toContainText('10 pcs');
  });

  test('the item dialog reads in Hindi', async () => {
    await page.keyboard.press('Alt+l');
    await page.getByTestId('item-filter').press('Enter');
    await expect(page.getByTestId('item-editor')).toContainText('स्टॉक की आवाजाही');
    await expect(page.getByTestId('item-priceIncludesTax')).toContainText('GST ऊपर से');
    await shot(page, '23-item-edit-hi');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+l');
  });
});
