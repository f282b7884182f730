// Owner-report summary tables, kept up to date by sync apply (server/reports/summaries.ts) so reports never scan raw documents.
import { pgTable, uuid, text, integer, boolean, date, primaryKey } from 'drizzle-orm/pg-core';
import { amount } from '../db/columns';

// Summary rows are upserted by adding to them, so every amount starts at zero.

/** Sales and returns per business day, local hour, counter and staff: the source of the by-day/hour/counter/staff reports. */
export const reportSalesHourly = pgTable(
  'report_sales_hourly',
  {
    shopId: uuid('shop_id').notNull(),
    businessDate: date('business_date').notNull(),
    hour: integer('hour').notNull(),
    counterId: uuid('counter_id').notNull(),
    staffId: text('staff_id').notNull(),
    invoices: integer('invoices').notNull().default(0),
    taxablePaise: amount('taxable_paise').default(0),
    taxPaise: amount('tax_paise').default(0),
    totalPaise: amount('total_paise').default(0),
    costPaise: amount('cost_paise').default(0),
    returns: integer('returns').notNull().default(0),
    returnTaxablePaise: amount('return_taxable_paise').default(0),
    returnTotalPaise: amount('return_total_paise').default(0),
    returnCostPaise: amount('return_cost_paise').default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.businessDate, t.hour, t.counterId, t.staffId] })],
);

/** Money in (invoices, receipts) and out (refunds) per day, counter and mode. */
export const reportPaymentsDaily = pgTable(
  'report_payments_daily',
  {
    shopId: uuid('shop_id').notNull(),
    businessDate: date('business_date').notNull(),
    counterId: uuid('counter_id').notNull(),
    mode: text('mode').notNull(),
    inPaise: amount('in_paise').default(0),
    outPaise: amount('out_paise').default(0),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.businessDate, t.counterId, t.mode] })],
);

/** Item-wise quantity, sales and cost (at the cost recorded on each line) per day, returns alongside. */
export const reportItemsDaily = pgTable(
  'report_items_daily',
  {
    shopId: uuid('shop_id').notNull(),
    businessDate: date('business_date').notNull(),
    itemId: uuid('item_id').notNull(),
    qtyMilli: amount('qty_milli').default(0),
    taxablePaise: amount('taxable_paise').default(0),
    totalPaise: amount('total_paise').default(0),
    costPaise: amount('cost_paise').default(0),
    returnQtyMilli: amount('return_qty_milli').default(0),
    returnTaxablePaise: amount('return_taxable_paise').default(0),
    returnTotalPaise: amount('return_total_paise').default(0),
    returnCostPaise: amount('return_cost_paise').default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.businessDate, t.itemId] })],
);

/**
 * GST per day by supply kind (b2b: the buyer has a GSTIN; b2c otherwise), place of supply, HSN, unit and rate.
 * Credit notes are added as negative amounts, so every figure here is net of returns.
 */
export const reportGstDaily = pgTable(
  'report_gst_daily',
  {
    shopId: uuid('shop_id').notNull(),
    businessDate: date('business_date').notNull(),
    supply: text('supply', { enum: ['b2b', 'b2c'] }).notNull(),
    placeOfSupply: text('place_of_supply').notNull(),
    interState: boolean('inter_state').notNull(),
    hsn: text('hsn').notNull(),
    unit: text('unit').notNull(),
    gstRateBp: integer('gst_rate_bp').notNull(),
    qtyMilli: amount('qty_milli').default(0),
    valuePaise: amount('value_paise').default(0),
    taxablePaise: amount('taxable_paise').default(0),
    igstPaise: amount('igst_paise').default(0),
    cgstPaise: amount('cgst_paise').default(0),
    sgstPaise: amount('sgst_paise').default(0),
    cessPaise: amount('cess_paise').default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.shopId, t.businessDate, t.supply, t.placeOfSupply, t.interState, t.hsn, t.unit, t.gstRateBp],
    }),
  ],
);

/** Stock on hand per item: the running sum of its movements from every counter. */
export const reportStock = pgTable(
  'report_stock',
  {
    shopId: uuid('shop_id').notNull(),
    itemId: uuid('item_id').notNull(),
    stockMilli: amount('stock_milli').default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.itemId] })],
);

/** The names counters sign their bills with, by the counter's staff id: staff live on the counters, so sync teaches them. */
export const reportStaff = pgTable(
  'report_staff',
  {
    shopId: uuid('shop_id').notNull(),
    staffId: text('staff_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.staffId] })],
);
