// The tax figures every document row and document line carries, declared once for the sales and returns tables.
import { integer } from 'drizzle-orm/sqlite-core';

export function taxColumns() {
  return {
    taxablePaise: integer('taxable_paise').notNull(),
    cgstPaise: integer('cgst_paise').notNull(),
    sgstPaise: integer('sgst_paise').notNull(),
    igstPaise: integer('igst_paise').notNull(),
    cessPaise: integer('cess_paise').notNull(),
  };
}
