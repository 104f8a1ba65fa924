import { StaffArtworkListDocument } from '$lib/graphql/__generated__/staff.ts';
import { PAGE_SIZE, parseStaffArtworkFilters, staffArtworkWhere } from './artwork-filters.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { filters, problems } = parseStaffArtworkFilters(url.searchParams);
  const data = await locals.api.query(StaffArtworkListDocument, {
    where: staffArtworkWhere(filters),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  return { filters, problems, files: data.files, total: data.total.aggregate?.count ?? 0, pageSize: PAGE_SIZE };
};
