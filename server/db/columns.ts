// Column builders every server area shares, so one kind of value is stored one way.
import { bigint } from 'drizzle-orm/pg-core';

/** A whole amount in minor units (paise, milli-units) as a JS number: a shop's sums stay far below 2^53. */
export const amount = (name: string) => bigint(name, { mode: 'number' }).notNull();
