import { CATALOGUE, type CatalogueItem } from '../catalogue.ts';

/** Variants a printer typically sells of each base product, with their price factor. */
const VARIANTS: readonly (readonly [string, string, number])[] = [
  ['', '', 1],
  ['EXP', 'express', 1.35],
  ['REC', 'recycled stock', 1.08],
  ['PRM', 'premium stock', 1.25],
  ['ECO', 'economy', 0.85],
  ['LRG', 'large run', 0.9],
  ['SRT', 'short run', 1.15],
  ['FSC', 'FSC certified', 1.05],
  ['DLX', 'deluxe finish', 1.45],
  ['TRD', 'trade', 0.8],
];

function variant(item: CatalogueItem, [code, label, factor]: readonly [string, string, number]): CatalogueItem {
  if (code === '') return item;
  return {
    ...item,
    sku: `${item.sku}-${code}`,
    name: `${item.name} (${label})`,
    unitPriceCents: item.unitPriceCents === null ? null : Math.max(1, Math.round(item.unitPriceCents * factor)),
    leadTimeDays: code === 'EXP' ? Math.max(1, Math.floor(item.leadTimeDays / 2)) : item.leadTimeDays,
  };
}

/** `count` products: the base catalogue first, then its variants (count is a multiple of the base size). */
export function scaleCatalogue(count: number): CatalogueItem[] {
  const items: CatalogueItem[] = [];
  for (let v = 0; items.length < count; v++) {
    const spec = VARIANTS[v % VARIANTS.length]!;
    const round = Math.floor(v / VARIANTS.length);
    for (const item of CATALOGUE) {
      if (items.length >= count) break;
      const made = variant(item, spec);
      items.push(round === 0 ? made : { ...made, sku: `${made.sku}-${round + 1}` });
    }
  }
  return items;
}
