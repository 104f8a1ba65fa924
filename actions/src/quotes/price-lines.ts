import { fromCents, MAX_CENTS } from './money.ts';
import type { RevisionLine } from './quote-evidence.ts';

/** A quote line as staff price it. */
export interface LineToPrice {
  id: string;
  line_number: number;
  product_id: string | null;
  sku: string | null;
  description: string;
  specifications: Record<string, unknown>;
  quantity: number;
}

export interface LinePrice {
  lineId: string;
  unitPrice: bigint;
}

/**
 * The quote's lines with the prices staff gave, as a revision keeps them, or what is wrong with the
 * prices: exactly one price per line of the quote, and no line total beyond numeric(14,2).
 */
export function priceLines(lines: readonly LineToPrice[], prices: readonly LinePrice[]): RevisionLine[] | string {
  if (lines.length === 0) return 'the quote has no lines to price';
  const byLine = new Map<string, bigint>();
  for (const price of prices) {
    if (byLine.has(price.lineId)) return `line ${price.lineId} is priced twice`;
    byLine.set(price.lineId, price.unitPrice);
  }
  const unknown = [...byLine.keys()].filter((id) => !lines.some((line) => line.id === id));
  if (unknown.length > 0) return `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a line' : 'are not lines'} of this quote`;
  const missing = lines.filter((line) => !byLine.has(line.id));
  if (missing.length > 0) return `give a unit price for every line (missing: line ${missing.map((line) => line.line_number).join(', ')})`;
  const priced: RevisionLine[] = [];
  for (const line of lines) {
    const unit = byLine.get(line.id)!;
    const total = unit * BigInt(line.quantity);
    if (total > MAX_CENTS) return `the total of line ${line.line_number} is too large`;
    priced.push({
      line_id: line.id, line_number: line.line_number, product_id: line.product_id, sku: line.sku,
      description: line.description, specifications: line.specifications, quantity: line.quantity,
      unit_price: fromCents(unit), line_total: fromCents(total),
    });
  }
  return priced;
}
