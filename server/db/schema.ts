// Every server table, gathered for drizzle and drizzle-kit; each area declares its own in <area>/schema.ts.
export * from '../accounts/schema';
export * from '../sync/schema';
export * from '../documents/schema';
export * from '../catalogue/schema';
export * from '../updates/schema';
export * from '../monitoring/schema';
export * from '../reports/schema';
export * from '../purchases/schema';
export * from '../gst/einvoice/schema';
export * from '../tally/schema';
export * from '../gst/ewaybill/schema';
