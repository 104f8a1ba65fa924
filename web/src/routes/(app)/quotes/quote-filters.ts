import { QUOTE_STATUSES, type QuoteStatus } from '@portal/common';
import type { Quotes_Bool_Exp } from '$lib/graphql/__generated__/graphql.ts';
import { m } from '../../../lib/paraglide/messages.js';

export const PAGE_SIZE = 20;

export interface QuoteFilters {
  status: QuoteStatus | '';
  /** A quote number (exact) or part of a title. */
  q: string;
  page: number;
}

/** Reads the list's filters from the address; what cannot be used is dropped and explained. */
export function parseQuoteFilters(params: URLSearchParams): { filters: QuoteFilters; problems: string[] } {
  const problems: string[] = [];
  const rawStatus = (params.get('status') ?? '').trim().toUpperCase();
  const status = (QUOTE_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as QuoteStatus) : '';
  if (rawStatus && !status) problems.push(m.quotes_unknown_status());
  const q = (params.get('q') ?? '').trim().slice(0, 80);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { filters: { status, q, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 }, problems };
}

function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The GraphQL filter; the engine adds the company's own row filter on top. */
export function quotesWhere(filters: QuoteFilters): Quotes_Bool_Exp {
  const and: Quotes_Bool_Exp[] = [];
  if (filters.status) and.push({ status: { _eq: filters.status } });
  if (filters.q) and.push({ _or: [{ quote_number: { _eq: filters.q.toUpperCase() } }, { title: { _ilike: `%${likeLiteral(filters.q)}%` } }] });
  return and.length === 0 ? {} : { _and: and };
}

export function quotesHref(filters: QuoteFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q) params.set('q', filters.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/quotes?${query}` : '/quotes';
}
