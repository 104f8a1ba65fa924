import type { Products_Bool_Exp } from '$lib/graphql/__generated__/graphql.ts';

/** How many products one page of the catalogue lists; a search narrows a longer list. */
export const CATALOGUE_LIMIT = 60;

export interface CatalogueFilters {
  category: string;
  /** Part of a product name or SKU, any case. */
  q: string;
}

/** Reads the filters from the address (so a search can be linked and reloaded). */
export function parseCatalogueFilters(params: URLSearchParams): CatalogueFilters {
  return {
    category: (params.get('category') ?? '').trim().slice(0, 80),
    q: (params.get('q') ?? '').trim().slice(0, 80),
  };
}

/** `%` and `_` typed by a person are letters to find, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Active products only; the engine limits them to the caller's printer. */
export function catalogueWhere(filters: CatalogueFilters): Products_Bool_Exp {
  const and: Products_Bool_Exp[] = [{ active: { _eq: true } }];
  if (filters.category) and.push({ category: { _eq: filters.category } });
  if (filters.q) {
    const pattern = `%${likeLiteral(filters.q)}%`;
    and.push({ _or: [{ name: { _ilike: pattern } }, { sku: { _ilike: pattern } }] });
  }
  return { _and: and };
}

export function catalogueHref(filters: CatalogueFilters): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.q) params.set('q', filters.q);
  const query = params.toString();
  return query ? `/catalogue?${query}` : '/catalogue';
}
