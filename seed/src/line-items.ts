import type { CatalogueItem } from './catalogue.ts';
import type { Random } from './prng.ts';
import { lineTotalCents } from './money.ts';

/** What a quote or order line says about the job, before it gets an id. */
export interface LineItem {
  productIndex: number;
  description: string;
  specifications: Record<string, string>;
  quantity: number;
  /** Null for lines of products priced on request, until staff price them. */
  unitPriceCents: number | null;
}

const QUANTITY_STEPS = [1, 2, 4, 5, 10, 20, 40];

function specificationsFor(item: CatalogueItem, random: Random): Record<string, string> {
  const specs: Record<string, string> = {};
  for (const [option, values] of Object.entries(item.options)) specs[option] = random.pick(values);
  return specs;
}

/** A plausible line for one catalogue item: a quantity in multiples of its minimum. */
export function lineItemFor(catalogue: readonly CatalogueItem[], productIndex: number, random: Random): LineItem {
  const item = catalogue[productIndex]!;
  const quantity = item.minQuantity * random.pick(QUANTITY_STEPS);
  return {
    productIndex,
    description: item.name,
    specifications: specificationsFor(item, random),
    quantity,
    unitPriceCents: item.unitPriceCents,
  };
}

/** Staff price for a product sold on request: from 0.80 to 2.40 per unit, rounded to cents. */
export function priceOnRequestCents(random: Random): number {
  return random.int(80, 240);
}

/** `count` lines with different products; when `pricedOnly`, only products with a list price. */
export function lineItems(catalogue: readonly CatalogueItem[], count: number, random: Random, pricedOnly: boolean): LineItem[] {
  const candidates = catalogue
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.active && (!pricedOnly || item.unitPriceCents !== null))
    .map(({ index }) => index);
  return random.sample(candidates, count).map((index) => lineItemFor(catalogue, index, random));
}

/** Line totals in cents; unpriced lines count as zero. */
export function lineTotals(lines: readonly LineItem[]): number[] {
  return lines.map((line) => (line.unitPriceCents === null ? 0 : lineTotalCents(line.quantity, line.unitPriceCents)));
}
