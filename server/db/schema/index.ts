// Every server table, gathered for drizzle and drizzle-kit; each area declares its own.
export * from './accounts';
export * from './sync';
export * from './documents';
export * from './catalogue';
export * from './updates';
export * from './monitoring';
export * from './reports';
