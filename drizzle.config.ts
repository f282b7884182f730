// drizzle-kit: generates the ledger's SQLite migrations from the area schemas.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/db/schema.ts',
  out: './src-main/db/migrations',
});
