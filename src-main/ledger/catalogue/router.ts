// Catalogue procedures: items, lookups for the scan box, CSV import.
import { z } from 'zod';
import { id } from '../../../src-shared/contracts/common';
import {
  createItemInput,
  importCsvInput,
  listItemsInput,
  lookupInput,
  searchItemsInput,
  updateItemInput,
} from '../../../src-shared/contracts/catalogue';
import { managerProcedure, router, staffProcedure } from '../../trpc/init';
import { createItem, getItem, listItems, lookupCode, searchItems, updateItem } from './service';
import { importItemsCsv, validateCsv } from './csv-import';

export const catalogueRouter = router({
  create: managerProcedure
    .input(createItemInput)
    .mutation(({ ctx, input }) => createItem(ctx.ledger, ctx.actor, input)),
  update: managerProcedure
    .input(updateItemInput)
    .mutation(({ ctx, input }) => updateItem(ctx.ledger, ctx.actor, input)),
  get: staffProcedure.input(z.object({ id }).strict()).query(({ ctx, input }) => getItem(ctx.ledger, input.id)),
  lookup: staffProcedure.input(lookupInput).query(({ ctx, input }) => lookupCode(ctx.ledger, input.code)),
  search: staffProcedure
    .input(searchItemsInput)
    .query(({ ctx, input }) => searchItems(ctx.ledger, input.query, input.limit)),
  list: staffProcedure.input(listItemsInput).query(({ ctx, input }) => listItems(ctx.ledger, input)),
  checkCsv: managerProcedure.input(importCsvInput).mutation(({ input }) => {
    const { items, errors } = validateCsv(input.csv);
    return { rows: items.length, errors };
  }),
  importCsv: managerProcedure
    .input(importCsvInput)
    .mutation(({ ctx, input }) => importItemsCsv(ctx.ledger, ctx.actor, input.csv)),
});
