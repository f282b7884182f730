// The GST slabs Galla accepts on an item, in basis points (18% = 1800).

/** Includes the 40% slab introduced by the GST 2.0 rate rationalisation of 2025. */
export const GST_RATES_BP = [0, 25, 300, 500, 1200, 1800, 2800, 4000] as const;

export type GstRateBp = (typeof GST_RATES_BP)[number];

export function isGstRateBp(n: number): n is GstRateBp {
  return (GST_RATES_BP as readonly number[]).includes(n);
}
