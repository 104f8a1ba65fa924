import { OPEN_SALES_ORDER_STATUSES, SALES_ORDER_STATUSES, type SalesOrderStatus } from '@portal/common';
import type { Sales_Orders_Bool_Exp } from '../../../../lib/graphql/__generated__/staff.ts';
import { m } from '../../../../lib/paraglide/messages.js';

export const PAGE_SIZE = 20;

/** `OPEN` stands for every status the dashboards count as open. */
export type StatusFilter = SalesOrderStatus | 'OPEN' | '';

export interface StaffOrderFilters {
  status: StatusFilter;
  /** A customer's id (the filter's select sends ids, so the engine filters on an indexed column). */
  customer: string;
  /** An exact order number or PO number. */
  q: string;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the list's filters from the address; what cannot be used is dropped and explained (in the request's language). */
export function parseStaffOrderFilters(params: URLSearchParams): { filters: StaffOrderFilters; problems: string[] } {
  const problems: string[] = [];
  const rawStatus = (params.get('status') ?? '').trim().toUpperCase();
  const status: StatusFilter = rawStatus === 'OPEN' || (SALES_ORDER_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as StatusFilter) : '';
  if (rawStatus && !status) problems.push(m.staff_filter_unknown_status());
  let customer = (params.get('customer') ?? '').trim().toLowerCase();
  if (customer && !UUID.test(customer)) {
    problems.push(m.staff_filter_unknown_customer());
    customer = '';
  }
  const q = (params.get('q') ?? '').trim().slice(0, 64);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { filters: { status, customer, q, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 }, problems };
}

/** The GraphQL filter; the engine adds the staff role's tenant filter on top. */
export function staffOrdersWhere(filters: StaffOrderFilters): Sales_Orders_Bool_Exp {
  const and: Sales_Orders_Bool_Exp[] = [];
  if (filters.status === 'OPEN') and.push({ status: { _in: [...OPEN_SALES_ORDER_STATUSES] } });
  else if (filters.status) and.push({ status: { _eq: filters.status } });
  if (filters.customer) and.push({ customer_id: { _eq: filters.customer } });
  // Exact matches, which the (tenant, order_number) and (tenant, PO number) indexes serve.
  if (filters.q) and.push({ _or: [{ order_number: { _eq: filters.q.toUpperCase() } }, { customer_po_number: { _eq: filters.q } }] });
  return and.length === 0 ? {} : { _and: and };
}

/** The list's address with these filters on `page` (defaults left out). */
export function staffOrdersHref(filters: StaffOrderFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.customer) params.set('customer', filters.customer);
  if (filters.q) params.set('q', filters.q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/staff/orders?${query}` : '/staff/orders';
}
