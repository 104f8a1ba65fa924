import { describe, expect, test } from 'vitest';
import { specificationLines } from '../../src/lib/specifications.ts';
import { PRICING_QUEUE, QUOTE_STATUSES_TO_PRICE } from '../../src/routes/(staff)/staff/quotes/quote-queue.ts';
import { addDays, parsePricing, readPricing } from '../../src/routes/(staff)/staff/quotes/[id]/pricing-form.ts';

describe('the pricing queue', () => {
  test('new requests first, then change requests; one constant gives the dashboard and the queue their statuses', () => {
    expect(QUOTE_STATUSES_TO_PRICE).toEqual(['DRAFT', 'CHANGES_REQUESTED']);
    expect(QUOTE_STATUSES_TO_PRICE).toEqual(PRICING_QUEUE.map((section) => section.status));
  });

  test('the pricing form: a price per line, optional extras as 0, validity after today', () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ 'price-a': '39', 'price-b': '145.50', setupAmount: '25', taxAmount: '', shippingAmount: '', validUntil: '2027-01-02', noteToCustomer: '' })) form.set(name, value);
    expect(parsePricing(readPricing(form, ['a', 'b']), '2026-12-03')).toEqual({
      ok: true,
      input: { lines: [{ lineId: 'a', unitPrice: '39' }, { lineId: 'b', unitPrice: '145.50' }], setupAmount: '25', taxAmount: '0', shippingAmount: '0', validUntil: '2027-01-02', noteToCustomer: null },
    });
    form.set('price-b', '1.234');
    form.set('validUntil', '2026-12-03');
    const refused = parsePricing(readPricing(form, ['a', 'b', 'c']), '2026-12-03');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.errors).sort()).toEqual(['price-b', 'price-c', 'validUntil']);
    expect(addDays('2026-12-30', 30)).toBe('2027-01-29');
  });

  test('a line’s specifications as labelled lines', () => {
    expect(specificationLines({ paper: '350gsm silk', finish_type: 'matt', sides: 2, empty: '', nested: { a: 1 } })).toEqual([
      { label: 'Paper', value: '350gsm silk' },
      { label: 'Finish type', value: 'matt' },
      { label: 'Sides', value: '2' },
      { label: 'Nested', value: '{"a":1}' },
    ]);
    expect(specificationLines(null)).toEqual([]);
    expect(specificationLines(['a'])).toEqual([]);
  });
});
