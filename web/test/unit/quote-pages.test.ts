import { describe, expect, test } from 'vitest';
import { catalogueHref, catalogueWhere, parseCatalogueFilters } from '../../src/routes/(app)/catalogue/catalogue-filters.ts';
import { parseQuoteRequest, readQuoteRequest, rowsToShow } from '../../src/routes/(app)/quotes/new/quote-request-form.ts';
import { parseQuoteFilters, quotesHref, quotesWhere } from '../../src/routes/(app)/quotes/quote-filters.ts';
import { groupByCategory } from '../../src/lib/products.ts';
import { parseApprovalLimit } from '../../src/routes/(app)/company/approval-limit-form.ts';

const PRODUCT = '7d1c2a8e-6f5b-4e2a-9c3d-0b1a2c3d4e5f';
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const productName = (id: string) => (id === PRODUCT ? 'Business cards' : undefined);

describe('catalogue filters', () => {
  test('active products only, a category, and a search on name or SKU with wildcards taken literally', () => {
    expect(catalogueWhere(parseCatalogueFilters(new URLSearchParams('')))).toEqual({ _and: [{ active: { _eq: true } }] });
    const filters = parseCatalogueFilters(new URLSearchParams('category=Cards&q=50%_off'));
    expect(catalogueWhere(filters)).toEqual({
      _and: [{ active: { _eq: true } }, { category: { _eq: 'Cards' } }, { _or: [{ name: { _ilike: '%50\\%\\_off%' } }, { sku: { _ilike: '%50\\%\\_off%' } }] }],
    });
    expect(catalogueHref(filters)).toBe('/catalogue?category=Cards&q=50%25_off');
  });

  test('products are grouped by category in list order', () => {
    expect(groupByCategory([{ category: 'A', n: 1 }, { category: 'A', n: 2 }, { category: 'B', n: 3 }])).toEqual([
      ['A', [{ category: 'A', n: 1 }, { category: 'A', n: 2 }]],
      ['B', [{ category: 'B', n: 3 }]],
    ]);
  });
});

describe('quote list filters', () => {
  test('a status, a quote number or title, a page; an unknown status is explained', () => {
    const { filters, problems } = parseQuoteFilters(new URLSearchParams('status=priced&q=q-2026-000001&page=2'));
    expect(filters).toEqual({ status: 'PRICED', q: 'q-2026-000001', page: 2 });
    expect(problems).toEqual([]);
    expect(quotesWhere(filters)).toEqual({ _and: [{ status: { _eq: 'PRICED' } }, { _or: [{ quote_number: { _eq: 'Q-2026-000001' } }, { title: { _ilike: '%q-2026-000001%' } }] }] });
    expect(quotesHref(filters, 3)).toBe('/quotes?status=PRICED&q=q-2026-000001&page=3');
    expect(parseQuoteFilters(new URLSearchParams('status=bogus')).problems).toHaveLength(1);
  });
});

describe('quote request form', () => {
  test('a catalogue line and a free-text line become the nested insert; blank rows are left out', () => {
    const values = readQuoteRequest(form({
      title: ' Spring mailer ', notes: '', neededBy: '2027-01-15', poNumber: 'PO-77',
      'line-0-product': PRODUCT, 'line-0-description': '', 'line-0-quantity': '500', 'line-0-notes': '14pt matte',
      'line-1-product': '', 'line-1-description': 'Custom folder', 'line-1-quantity': '200', 'line-1-notes': '',
      'line-2-product': '', 'line-2-description': '', 'line-2-quantity': '', 'line-2-notes': '',
    }));
    expect(parseQuoteRequest(values, productName, '2026-12-03')).toEqual({
      ok: true,
      quote: {
        title: 'Spring mailer', customer_notes: '', needed_by: '2027-01-15', customer_po_number: 'PO-77',
        lines: { data: [
          { line_number: 1, product_id: PRODUCT, description: 'Business cards', quantity: 500, specifications: { notes: '14pt matte' } },
          { line_number: 2, product_id: null, description: 'Custom folder', quantity: 200, specifications: {} },
        ] },
      },
    });
  });

  test('each problem is named on its field', () => {
    const values = readQuoteRequest(form({
      title: '', notes: '', neededBy: '2026-12-01',
      'line-0-product': '', 'line-0-description': '', 'line-0-quantity': '3', 'line-0-notes': '',
      'line-1-product': 'not-a-uuid', 'line-1-description': 'x', 'line-1-quantity': '0', 'line-1-notes': '',
    }));
    const result = parseQuoteRequest(values, productName, '2026-12-03');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['line-0-description', 'line-1-product', 'line-1-quantity', 'neededBy', 'title']);
  });

  test('a request without any line is refused, and the form keeps one blank row more', () => {
    const values = readQuoteRequest(form({ title: 'T', notes: '', 'line-0-product': '', 'line-0-description': '', 'line-0-quantity': '', 'line-0-notes': '' }));
    expect(parseQuoteRequest(values, productName, '2026-12-03')).toMatchObject({ ok: false, errors: { lines: expect.any(String) } });
    expect(rowsToShow([])).toHaveLength(3);
    expect(rowsToShow(Array.from({ length: 4 }, () => ({ product: '', description: 'a', quantity: '1', notes: '' })))).toHaveLength(5);
  });
});

describe('approval limit form', () => {
  test('an amount, thousands separators allowed; empty is no limit; anything else is refused', () => {
    expect(parseApprovalLimit(' 4,500 ')).toEqual({ ok: true, limit: '4500' });
    expect(parseApprovalLimit('5000.50')).toEqual({ ok: true, limit: '5000.50' });
    expect(parseApprovalLimit('')).toEqual({ ok: true, limit: null });
    expect(parseApprovalLimit('lots')).toMatchObject({ ok: false });
    expect(parseApprovalLimit('-5')).toMatchObject({ ok: false });
  });
});
