import { describe, expect, test } from 'vitest';
import { specificationLines } from '../../src/routes/(staff)/staff/quotes/[id]/specifications.ts';
import { PRICING_QUEUE, QUOTE_STATUSES_TO_PRICE, quoteStatusLabel } from '../../src/routes/(staff)/staff/quotes/quote-queue.ts';

describe('the pricing queue', () => {
  test('new requests first; one constant gives the dashboard and the queue their statuses', () => {
    expect(QUOTE_STATUSES_TO_PRICE[0]).toBe('DRAFT');
    expect(QUOTE_STATUSES_TO_PRICE).toEqual(PRICING_QUEUE.map((section) => section.status));
  });

  test('quote statuses in words, including ones added later', () => {
    expect(quoteStatusLabel('DRAFT')).toBe('Draft');
    expect(quoteStatusLabel('CHANGES_REQUESTED')).toBe('Changes requested');
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
