// Catalogue: barcodes of every kind resolve, names are found by prefix, and a CSV import is all-or-nothing with per-row errors.
import { afterEach, describe, expect, it } from 'vitest';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import { ledgerFingerprint } from '../../support/fingerprint';
import { SAMPLE_CSV } from '../../../src-shared/contracts/catalogue';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** EAN-13 check digit, computed here independently of the code under test. */
function withCheckDigit(twelve: string): string {
  const sum = [...twelve].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return twelve + ((10 - (sum % 10)) % 10);
}

describe('looking up what was scanned', () => {
  it('finds items by EAN-13, EAN-8, UPC-A (stored as EAN-13) and SKU', async () => {
    shop = await shopWithStaff();
    const atta = await shop.manager.catalogue.create(
      itemInput({ name: 'Aashirvaad Atta 5kg', sku: 'ATTA5', barcodes: ['8901030865275', '96385074', '036000291452'] }),
    );
    for (const code of ['8901030865275', '96385074', '036000291452', '0036000291452', 'ATTA5']) {
      expect((await shop.cashier.catalogue.lookup({ code })).item.id, code).toBe(atta.id);
    }
    await expect(shop.cashier.catalogue.lookup({ code: '8901030865276' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads a weighing-scale label: the PLU finds the item and the label carries the weight', async () => {
    shop = await shopWithStaff();
    const onions = await shop.manager.catalogue.create(
      itemInput({ name: 'Onion', unit: 'kg', plu: '123', pricePaise: 4_000 }),
    );
    const label = withCheckDigit('21' + '00123' + '01250');
    const found = await shop.cashier.catalogue.lookup({ code: label });
    expect(found).toMatchObject({ item: { id: onions.id }, qtyMilli: 1250 });
  });

  it('refuses a barcode with a wrong check digit and a barcode already on another item', async () => {
    shop = await shopWithStaff();
    await expect(shop.manager.catalogue.create(itemInput({ barcodes: ['8901030865278'] }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/check digit/),
    });
    await shop.manager.catalogue.create(itemInput({ barcodes: ['8901030865275'] }));
    await expect(shop.manager.catalogue.create(itemInput({ barcodes: ['8901030865275'] }))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('finds items by the start of each word of their name, and follows renames', async () => {
    shop = await shopWithStaff();
    const rice = await shop.manager.catalogue.create(itemInput({ name: 'India Gate Basmati Rice 5kg' }));
    await shop.manager.catalogue.create(itemInput({ name: 'Tata Salt 1kg' }));
    expect((await shop.cashier.catalogue.search({ query: 'bas ric' })).map((item) => item.name)).toEqual([
      'India Gate Basmati Rice 5kg',
    ]);
    await shop.manager.catalogue.update({ id: rice.id, name: 'Daawat Rozana Rice' });
    expect(await shop.cashier.catalogue.search({ query: 'basmati' })).toEqual([]);
    expect((await shop.cashier.catalogue.search({ query: 'rozana' })).map((item) => item.id)).toEqual([rice.id]);
    expect(await shop.cashier.catalogue.search({ query: '"*)(' })).toEqual([]);
  });

  it('a cashier cannot create or change items', async () => {
    shop = await shopWithStaff();
    await expect(shop.cashier.catalogue.create(itemInput())).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

const HEADER =
  'sku,name,barcodes,unit,price,price_includes_tax,cost,gst_rate,cess_rate,hsn,plu,stock,reorder_level,category';

describe('every item has a SKU', () => {
  it('an item saved without a SKU gets one made from its name and the next free number', async () => {
    shop = await shopWithStaff();
    const first = await shop.manager.catalogue.create(itemInput({ sku: '', name: 'Toor Dal 1kg' }));
    const second = await shop.manager.catalogue.create(itemInput({ sku: '', name: 'toor dal 1kg' }));
    const hindi = await shop.manager.catalogue.create(itemInput({ sku: '', name: 'चीनी' }));
    expect([first.sku, second.sku, hindi.sku]).toEqual(['TOOR-DAL-1KG-1', 'TOOR-DAL-1KG-2', 'ITEM-1']);
    expect((await shop.cashier.catalogue.lookup({ code: 'TOOR-DAL-1KG-2' })).item.id).toBe(second.id);
  });

  it('a SKU cannot be emptied on an item that has one', async () => {
    shop = await shopWithStaff();
    const item = await shop.manager.catalogue.create(itemInput());
    await expect(shop.manager.catalogue.update({ id: item.id, sku: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Fill this in.',
    });
  });
});

describe('low stock', () => {
  it('an item with no reorder level is never low, however little is left; one with a level is, at or below it', async () => {
    shop = await shopWithStaff();
    const none = await shop.manager.catalogue.create(
      itemInput({ name: 'No level', reorderLevelMilli: 0, openingStockMilli: 0 }),
    );
    const low = await shop.manager.catalogue.create(
      itemInput({ name: 'Below level', reorderLevelMilli: 5_000, openingStockMilli: 0 }),
    );
    await shop.manager.stock.adjust({
      itemId: none.id,
      reason: 'adjustment',
      deltaMilli: -2_000,
      note: 'Sold unbilled',
    });
    const listed = await shop.cashier.catalogue.list({ lowStockOnly: true });
    expect(listed.rows.map((item) => item.id)).toEqual([low.id]);
    expect((await shop.manager.reports.lowStock()).map((row) => row.itemId)).toEqual([low.id]);
  });
});

describe('CSV import', () => {
  it('imports every row, with rupee prices, percentages, several barcodes and opening stock', async () => {
    shop = await shopWithStaff();
    const csv = [
      HEADER,
      'DAL1,Toor Dal 1kg,8901030865275|96385074,pcs,"1,45.50",yes,120,5,,0713,,25,5,Pulses',
      'LOOSE,Loose Sugar,,kg,44,no,40,0.25,,1701,45,12.5,,Grocery',
    ].join('\n');
    expect(await shop.manager.catalogue.importCsv({ csv })).toEqual({ created: 2, updated: 0, counted: 0 });
    const dal = (await shop.cashier.catalogue.lookup({ code: '96385074' })).item;
    expect(dal).toMatchObject({
      name: 'Toor Dal 1kg',
      pricePaise: 14_550,
      priceIncludesTax: true,
      costPaise: 12_000,
      gstRateBp: 500,
      stockMilli: 25_000,
      reorderLevelMilli: 5_000,
    });
    const sugar = (await shop.cashier.catalogue.lookup({ code: 'LOOSE' })).item;
    expect(sugar).toMatchObject({ unit: 'kg', gstRateBp: 25, plu: '45', stockMilli: 12_500, priceIncludesTax: false });
    expect(
      await shop.manager.catalogue.importCsv({
        csv: [HEADER, 'DAL1,Toor Dal 1kg (new pack),,pcs,150,yes,,5,,0713,,,,Pulses'].join('\n'),
      }),
    ).toEqual({ created: 0, updated: 1, counted: 0 });
  });

  it('lists every bad row with its column, and imports nothing when any row is bad', async () => {
    shop = await shopWithStaff();
    const before = ledgerFingerprint(shop.t.ledger);
    const csv = [
      HEADER,
      'OK1,Good item,,pcs,10,yes,,18,,,,,,',
      'BAD1,,,box,ten,maybe,,17,,12,,,,',
      'OK1,Duplicate sku,,pcs,10,yes,,18,,,,,,',
    ].join('\n');
    const error = await shop.manager.catalogue.importCsv({ csv }).catch((failure: unknown) => failure);
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Rows with mistakes: 2. Nothing was imported; correct them and import again.',
    });
    const details = (error as { cause: { details: { row: number; path: string }[] } }).cause.details;
    expect(
      details
        .filter((detail) => detail.row === 3)
        .map((detail) => detail.path)
        .sort(),
    ).toEqual(['gst_rate', 'hsn', 'name', 'price', 'price_includes_tax', 'unit']);
    expect(details).toContainEqual(
      expect.objectContaining({ row: 4, path: 'sku', message: 'SKU OK1 is also on row 2.' }),
    );
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
    await expect(shop.manager.catalogue.importCsv({ csv: 'name,price\nx,1' })).rejects.toMatchObject({
      message: expect.stringMatching(/^The CSV is missing the columns: unit, gst_rate\./),
    });
  });

  it('a barcode already on another item, or twice in the file, is reported against the barcodes column', async () => {
    shop = await shopWithStaff();
    await shop.manager.catalogue.create(itemInput({ name: 'Tea', barcodes: ['8901030865275'] }));
    const clash = await shop.manager.catalogue
      .importCsv({ csv: [HEADER, 'NEW1,Coffee,8901030865275,pcs,10,yes,,18,,,,,,'].join('\n') })
      .then(
        () => ({ message: 'imported', cause: { details: [] as unknown[] } }),
        (error: { message: string; cause: { details: unknown[] } }) => error,
      );
    expect(clash.message).toBe('Row 2 cannot be imported (see below). Nothing was imported.');
    expect(clash.cause.details).toEqual([
      expect.objectContaining({
        row: 2,
        path: 'barcodes',
        message: 'Barcode 8901030865275 is already on another item.',
      }),
    ]);
    const twice = await shop.manager.catalogue.checkCsv({
      csv: [HEADER, 'A,Apple,96385074,pcs,10,yes,,0,,,,,,', 'B,Banana,96385074,pcs,10,yes,,0,,,,,,'].join('\n'),
    });
    expect(twice.errors).toEqual([
      expect.objectContaining({ row: 3, path: 'barcodes', message: 'Barcode 96385074 is also on row 2.' }),
    ]);
  });

  it("an item already in the list takes the file's stock as a count: its stock is set to it by an adjustment", async () => {
    shop = await shopWithStaff();
    await shop.manager.catalogue.importCsv({ csv: [HEADER, 'DAL1,Toor Dal,,pcs,100,yes,,5,,,,25,,'].join('\n') });
    const result = await shop.manager.catalogue.importCsv({
      csv: [HEADER, 'DAL1,Toor Dal,,pcs,100,yes,,5,,,,30,,', 'NEW,Salt,,pcs,20,yes,,0,,,,,,'].join('\n'),
    });
    expect(result).toEqual({ created: 1, updated: 1, counted: 1 });
    const dal = (await shop.cashier.catalogue.lookup({ code: 'DAL1' })).item;
    expect(dal.stockMilli).toBe(30_000);
    const [latest] = await shop.manager.stock.movements({ itemId: dal.id });
    expect(latest).toMatchObject({ reason: 'adjustment', qtyMilli: 5_000, note: 'CSV import, row 2' });
  });

  it('rows without a SKU column or cell get a SKU made from the name', async () => {
    shop = await shopWithStaff();
    const csv = ['name,unit,price,gst_rate', 'Basmati Rice 5kg,pcs,500,5', 'Basmati Rice 5kg,pcs,520,5'].join('\n');
    expect(await shop.manager.catalogue.importCsv({ csv })).toEqual({ created: 2, updated: 0, counted: 0 });
    const skus = (await shop.cashier.catalogue.list({})).rows.map((item) => item.sku).sort();
    expect(skus).toEqual(['BASMATI-RICE-5KG-1', 'BASMATI-RICE-5KG-2']);
  });

  it('the sample CSV offered on the screen imports as it is', async () => {
    shop = await shopWithStaff();
    expect(await shop.manager.catalogue.importCsv({ csv: SAMPLE_CSV })).toEqual({ created: 3, updated: 0, counted: 0 });
    const soap = (await shop.cashier.catalogue.lookup({ code: '8901030704727' })).item;
    expect(soap).toMatchObject({ name: 'Bath Soap 100g', sku: 'BATH-SOAP-100G-1', stockMilli: 48_000 });
  });

  it('checks a CSV without importing it', async () => {
    shop = await shopWithStaff();
    const result = await shop.manager.catalogue.checkCsv({
      csv: [HEADER, 'A,Apple,,kg,100,yes,,0,,,,,,', 'B,,,kg,100,yes,,0,,,,,,'].join('\n'),
    });
    expect(result.rows).toBe(1);
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, path: 'name' })]);
    expect((await shop.cashier.catalogue.list({})).total).toBe(0);
  });
});
