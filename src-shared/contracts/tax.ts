// Tax figures as every bill line, rate row, return and GST report carries them, declared once for both sides.
import { z } from 'zod';

/** A sum in paise or milli-units; returns can make it negative. */
const sum = z.int();

/** The taxable value and the taxes on it. */
export const taxFigures = z.object({
  taxablePaise: sum,
  cgstPaise: sum,
  sgstPaise: sum,
  igstPaise: sum,
  cessPaise: sum,
});
export const taxRateRow = taxFigures.extend({ gstRateBp: sum });

/** The figures of a GST report row: the value of the lines too, and taxPaise = CGST + SGST + IGST + cess. */
export const gstFigures = taxFigures.extend({ valuePaise: sum, taxPaise: sum });
export const gstByRate = gstFigures.extend({ gstRateBp: sum });
/** The HSN summary of the GST returns: one row per HSN code, unit and rate. */
export const gstByHsn = gstFigures.extend({ hsn: z.string(), unit: z.string(), gstRateBp: sum, qtyMilli: sum });
/** The counter's and the owner's GST report: by rate, by HSN, and the totals, net of returns. */
export const gstSummary = z.object({ byRate: z.array(gstByRate), byHsn: z.array(gstByHsn), totals: gstFigures });

export type TaxFigures = z.infer<typeof taxFigures>;
export type TaxRateRow = z.infer<typeof taxRateRow>;
export type GstFigures = z.infer<typeof gstFigures>;
export type GstByRate = z.infer<typeof gstByRate>;
export type GstByHsn = z.infer<typeof gstByHsn>;
export type GstSummary = z.infer<typeof gstSummary>;
