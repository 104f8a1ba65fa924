import { CatalogueDocument } from '$lib/graphql/__generated__/graphql.ts';
import { CATALOGUE_LIMIT, catalogueWhere, parseCatalogueFilters } from './catalogue-filters.ts';
import type { PageServerLoad } from './$types';

/** The printer's active products by category; one more than shown is fetched to know whether the list was cut. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const filters = parseCatalogueFilters(url.searchParams);
  const data = await locals.api.query(CatalogueDocument, { where: catalogueWhere(filters), limit: CATALOGUE_LIMIT + 1 });
  return {
    filters,
    products: data.products.slice(0, CATALOGUE_LIMIT),
    more: data.products.length > CATALOGUE_LIMIT,
    categories: data.categories.map((row) => row.category),
  };
};
