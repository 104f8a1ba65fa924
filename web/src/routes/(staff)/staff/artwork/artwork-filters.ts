import { ARTWORK_FILE_STATUSES, type ArtworkFileStatus } from '@portal/common';
import type { Artwork_Files_Bool_Exp } from '../../../../lib/graphql/__generated__/staff.ts';
import { m } from '../../../../lib/paraglide/messages.js';

export const PAGE_SIZE = 30;

/** Files someone must act on: a virus, a file that is not what it claims, or no scan at all. */
export const ATTENTION_STATUSES: readonly ArtworkFileStatus[] = ['INFECTED', 'REJECTED', 'UNSCANNED'];

/** `ATTENTION` stands for the statuses above. */
export type ArtworkStatusFilter = ArtworkFileStatus | 'ATTENTION' | '';

export interface StaffArtworkFilters {
  status: ArtworkStatusFilter;
  page: number;
}

function isStatusFilter(value: string): value is ArtworkStatusFilter {
  return value === 'ATTENTION' || (ARTWORK_FILE_STATUSES as readonly string[]).includes(value);
}

/** Reads the list's filters from the address; an unknown status is dropped and explained. */
export function parseStaffArtworkFilters(params: URLSearchParams): { filters: StaffArtworkFilters; problems: string[] } {
  const raw = (params.get('status') ?? '').trim().toUpperCase();
  const status = isStatusFilter(raw) ? raw : '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    filters: { status, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 },
    problems: raw && !status ? [m.staff_filter_unknown_status()] : [],
  };
}

/** Customers' artwork only (proof files have their own pages); the staff role's tenant filter comes on top. */
export function staffArtworkWhere(filters: StaffArtworkFilters): Artwork_Files_Bool_Exp {
  const purpose = { purpose: { _eq: 'ARTWORK' } };
  if (filters.status === 'ATTENTION') return { _and: [purpose, { status: { _in: [...ATTENTION_STATUSES] } }] };
  if (filters.status) return { _and: [purpose, { status: { _eq: filters.status } }] };
  return purpose;
}

/** The list's address with this filter on `page` (defaults left out). */
export function staffArtworkHref(filters: StaffArtworkFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/staff/artwork?${query}` : '/staff/artwork';
}
