/**
 * Money is computed in integer cents and handed to PostgreSQL as numeric strings, so totals match
 * the generated `line_total` columns exactly (no floating-point drift).
 */
export function centsToNumeric(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function numericToCents(value: string): number {
  return Math.round(Number(value) * 100);
}

/** What PostgreSQL computes for `round(quantity * unit_price, 2)`. */
export function lineTotalCents(quantity: number, unitPriceCents: number): number {
  return quantity * unitPriceCents;
}

export interface OrderAmounts {
  subtotal: string;
  tax_amount: string;
  shipping_amount: string;
}

/** Subtotal of the lines, a sales tax rate in basis points, and a shipping charge. */
export function orderAmounts(lineTotalsCents: readonly number[], taxBasisPoints: number, shippingCents: number): OrderAmounts {
  const subtotal = lineTotalsCents.reduce((sum, cents) => sum + cents, 0);
  return {
    subtotal: centsToNumeric(subtotal),
    tax_amount: centsToNumeric(Math.round((subtotal * taxBasisPoints) / 10_000)),
    shipping_amount: centsToNumeric(shippingCents),
  };
}
