import { describe, expect, test } from 'vitest';
import { parseStaffOrderFilters, staffOrdersHref, staffOrdersWhere } from '../../src/routes/(staff)/staff/orders/staff-order-filters.ts';

const parse = (query: string) => parseStaffOrderFilters(new URLSearchParams(query));
const BLUEPEAK = '0b7d4c1e-2f3a-4b5c-8d6e-7f8091a2b3c4';

describe('staff order list filters', () => {
  test('no parameters: every order of the tenant, first page', () => {
    const { filters, problems } = parse('');
    expect(filters).toEqual({ status: '', customer: '', q: '', page: 1 });
    expect(problems).toEqual([]);
    expect(staffOrdersWhere(filters)).toEqual({});
  });

  test('status, customer and search combine; a customer is filtered by its id', () => {
    const { filters, problems } = parse(`status=shipped&customer=${BLUEPEAK.toUpperCase()}&q=bp-po-24233&page=2`);
    expect(problems).toEqual([]);
    expect(filters).toEqual({ status: 'SHIPPED', customer: BLUEPEAK, q: 'bp-po-24233', page: 2 });
    expect(staffOrdersWhere(filters)).toEqual({
      _and: [
        { status: { _eq: 'SHIPPED' } },
        { customer_id: { _eq: BLUEPEAK } },
        { _or: [{ order_number: { _eq: 'BP-PO-24233' } }, { customer_po_number: { _eq: 'bp-po-24233' } }] },
      ],
    });
    expect(staffOrdersWhere(parse('status=open').filters)).toEqual({ _and: [{ status: { _in: ['CONFIRMED', 'IN_PRODUCTION', 'SHIPPED', 'ON_HOLD'] } }] });
  });

  test('what cannot be used is dropped and explained', () => {
    const { filters, problems } = parse('status=LOST&customer=BLUEPEAK&page=zero');
    expect(filters).toEqual({ status: '', customer: '', q: '', page: 1 });
    expect(problems).toEqual(['That status does not exist, so all statuses are shown.', 'That customer does not exist, so all customers are shown.']);
  });

  test('links keep the filters under /staff/orders and leave out defaults', () => {
    expect(staffOrdersHref(parse('').filters, 1)).toBe('/staff/orders');
    expect(staffOrdersHref(parse(`status=ON_HOLD&customer=${BLUEPEAK}&q=SO-2026-000001`).filters, 3)).toBe(
      `/staff/orders?status=ON_HOLD&customer=${BLUEPEAK}&q=SO-2026-000001&page=3`,
    );
  });
});
