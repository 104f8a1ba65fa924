import { describe, expect, test } from 'vitest';
import { orderFilterTarget, ordersHref, ordersWhere, parseOrderFilters } from '../../src/routes/(app)/orders/order-filters.ts';

const parse = (query: string) => parseOrderFilters(new URLSearchParams(query));

describe('order list filters', () => {
  test('no parameters: every order, first page', () => {
    const { filters, problems } = parse('');
    expect(filters).toEqual({ status: '', from: '', to: '', q: '', page: 1 });
    expect(problems).toEqual([]);
    expect(ordersWhere(filters, 'UTC')).toEqual({});
  });

  test('a status, the open group, a search and a page', () => {
    expect(ordersWhere(parse('status=shipped').filters, 'UTC')).toEqual({ _and: [{ status: { _eq: 'SHIPPED' } }] });
    expect(ordersWhere(parse('status=OPEN').filters, 'UTC')).toEqual({ _and: [{ status: { _in: ['CONFIRMED', 'IN_PRODUCTION', 'SHIPPED', 'ON_HOLD'] } }] });
    expect(ordersWhere(parse('q=so-2026-000123').filters, 'UTC')).toEqual({
      _and: [{ _or: [{ order_number: { _eq: 'SO-2026-000123' } }, { customer_po_number: { _eq: 'so-2026-000123' } }] }],
    });
    expect(parse('page=3').filters.page).toBe(3);
    expect(parse('page=-2').filters.page).toBe(1);
  });

  test('dates cover whole days in the user’s time zone', () => {
    const where = ordersWhere(parse('from=2026-03-01&to=2026-03-31').filters, 'America/Los_Angeles');
    expect(where).toEqual({
      _and: [
        { placed_at: { _gte: '2026-03-01T08:00:00.000Z' } },
        // Daylight saving time starts on March 8, 2026 in Los Angeles: April 1 begins at 07:00 UTC.
        { placed_at: { _lt: '2026-04-01T07:00:00.000Z' } },
      ],
    });
  });

  test('what cannot be used is dropped and explained', () => {
    const { filters, problems } = parse('status=LOST&from=2026-02-30&to=yesterday');
    expect(filters).toMatchObject({ status: '', from: '', to: '' });
    expect(problems).toHaveLength(3);
    const reversed = parse('from=2026-05-01&to=2026-04-01');
    expect(reversed.filters).toMatchObject({ from: '', to: '' });
    expect(reversed.problems).toHaveLength(1);
    expect(reversed.problems[0]!.fields).toEqual(['from', 'to']);
  });

  test('the filter form keeps what it cannot use in the address, so the page explains it instead of dropping it', () => {
    expect(orderFilterTarget(new URLSearchParams('status=&from=2026-05-01&to=2026-04-01&q='))).toBe('/orders?from=2026-05-01&to=2026-04-01');
    expect(orderFilterTarget(new URLSearchParams('status=shipped&from=&to=&q='))).toBe('/orders?status=SHIPPED');
  });

  test('links keep the filters and leave out defaults', () => {
    const { filters } = parse('status=SHIPPED&q=BP-PO-1&page=2');
    expect(ordersHref(filters, 1)).toBe('/orders?status=SHIPPED&q=BP-PO-1');
    expect(ordersHref(filters, 3)).toBe('/orders?status=SHIPPED&q=BP-PO-1&page=3');
    expect(ordersHref(parse('').filters, 1)).toBe('/orders');
  });
});
