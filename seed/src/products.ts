import type { CatalogueItem } from './catalogue.ts';
import { centsToNumeric } from './money.ts';
import type { ProductRow } from './tables.ts';

/** Product rows for a catalogue, in catalogue order (so index i is catalogue item i). */
export function productRows(
  tenantId: string,
  id: (kind: string, key: string) => string,
  catalogue: readonly CatalogueItem[],
  createdAt: Date,
  currencyCode = 'USD',
): ProductRow[] {
  return catalogue.map((item) => ({
    id: id('product', item.sku), tenant_id: tenantId, sku: item.sku, name: item.name,
    description: item.description, category: item.category, unit: item.unit,
    unit_price: item.unitPriceCents === null ? null : centsToNumeric(item.unitPriceCents),
    currency_code: currencyCode, min_quantity: item.minQuantity, lead_time_days: item.leadTimeDays,
    active: item.active, created_at: createdAt, updated_at: createdAt,
  }));
}
