import { OPEN_SALES_ORDER_STATUSES, SALES_ORDER_STATUSES, type SalesOrderStatus } from '@portal/common';
import type { Sales_Orders_Bool_Exp } from '../../../lib/graphql/__generated__/graphql.ts';
import { m } from '../../../lib/paraglide/messages.js';
import { nextDay, zonedDayStart } from '../../../lib/time-zones.ts';

export const PAGE_SIZE = 20;

/** `OPEN` stands for every status the dashboard counts as open. */
export type StatusFilter = SalesOrderStatus | 'OPEN' | '';

export interface OrderFilters {
  status: StatusFilter;
  /** Placed on or after this day (YYYY-MM-DD, in the user's time zone). */
  from: string;
  /** Placed on or before this day. */
  to: string;
  /** An exact order number or PO number. */
  q: string;
  page: number;
}

/** A filter value that could not be used, and the fields it concerns (to mark them invalid). */
export interface FilterProblem {
  fields: Array<'status' | 'from' | 'to'>;
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Reads the list's filters from the address; what cannot be used is dropped and explained. */
export function parseOrderFilters(params: URLSearchParams): { filters: OrderFilters; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const rawStatus = (params.get('status') ?? '').trim().toUpperCase();
  const status: StatusFilter = rawStatus === 'OPEN' || (SALES_ORDER_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as StatusFilter) : '';
  if (rawStatus && !status) problems.push({ fields: ['status'], message: m.orders_problem_status() });
  let from = (params.get('from') ?? '').trim();
  let to = (params.get('to') ?? '').trim();
  if (from && !isDay(from)) {
    problems.push({ fields: ['from'], message: m.orders_problem_from() });
    from = '';
  }
  if (to && !isDay(to)) {
    problems.push({ fields: ['to'], message: m.orders_problem_to() });
    to = '';
  }
  if (from && to && from > to) {
    problems.push({ fields: ['from', 'to'], message: m.orders_problem_reversed() });
    from = '';
    to = '';
  }
  const q = (params.get('q') ?? '').trim().slice(0, 64);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { filters: { status, from, to, q, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 }, problems };
}

/** The GraphQL filter; the engine adds the customer's own row filter on top. */
export function ordersWhere(filters: OrderFilters, timeZone: string): Sales_Orders_Bool_Exp {
  const and: Sales_Orders_Bool_Exp[] = [];
  if (filters.status === 'OPEN') and.push({ status: { _in: [...OPEN_SALES_ORDER_STATUSES] } });
  else if (filters.status) and.push({ status: { _eq: filters.status } });
  if (filters.from) and.push({ placed_at: { _gte: zonedDayStart(filters.from, timeZone).toISOString() } });
  if (filters.to) and.push({ placed_at: { _lt: zonedDayStart(nextDay(filters.to), timeZone).toISOString() } });
  // Exact matches, which the (tenant, order_number) and (customer, PO number) indexes serve.
  if (filters.q) and.push({ _or: [{ order_number: { _eq: filters.q.toUpperCase() } }, { customer_po_number: { _eq: filters.q } }] });
  return and.length === 0 ? {} : { _and: and };
}

/**
 * The address the filter form goes to: the tidy one for usable values; the values as typed when
 * some cannot be used, so the page explains them exactly as it does without JavaScript.
 */
export function orderFilterTarget(params: URLSearchParams): string {
  const { filters, problems } = parseOrderFilters(params);
  if (problems.length === 0) return ordersHref(filters, 1);
  const typed = new URLSearchParams([...params].filter(([, value]) => value.trim() !== ''));
  return `/orders?${typed.toString()}`;
}

/** The list's address with these filters on `page` (defaults left out). */
export function ordersHref(filters: OrderFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.q) params.set('q', filters.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/orders?${query}` : '/orders';
}
