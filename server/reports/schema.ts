// Owner-report summary tables, kept up to date by sync apply (server/reports/summaries.ts) so reports never scan raw documents.
import { pgTable, uuid, text, bigint, integer, boolean, date, primaryKey } from 'drizzle-orm/pg-core';

const paise = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

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
    taxablePaise: paise('taxable_paise'),
    taxPaise: paise('tax_paise'),
    totalPaise: paise('total_paise'),
    costPaise: paise('cost_paise'),
    returns: integer('returns').notNull().default(0),
    returnTaxablePaise: paise('return_taxable_paise'),
    returnTotalPaise: paise('return_total_paise'),
    returnCostPaise: paise('return_cost_paise'),
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
    inPaise: paise('in_paise'),
    outPaise: paise('out_paise'),
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
    qtyMilli: paise('qty_milli'),
    taxablePaise: paise('taxable_paise'),
    totalPaise: paise('total_paise'),
    costPaise: paise('cost_paise'),
    returnQtyMilli: paise('return_qty_milli'),
    returnTaxablePaise: paise('return_taxable_paise'),
    returnTotalPaise: paise('return_total_paise'),
    returnCostPaise: paise('return_cost_paise'),
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
    qtyMilli: paise('qty_milli'),
    valuePaise: paise('value_paise'),
    taxablePaise: paise('taxable_paise'),
    igstPaise: paise('igst_paise'),
    cgstPaise: paise('cgst_paise'),
    sgstPaise: paise('sgst_paise'),
    cessPaise: paise('cess_paise'),
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
    stockMilli: paise('stock_milli'),
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
