import { describe, expect, test } from 'vitest';
import { artworkWhere, targetFromSearch } from '../../src/lib/artwork/artwork-target.ts';
import { humanMessage } from '../../src/lib/server/engine/messages.ts';

describe('artwork helpers', () => {
  test('a refused size is said in words, from the action server’s figures', () => {
    expect(humanMessage('ARTWORK_TOO_LARGE', undefined, { sizeBytes: 74 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 })).toBe('This file is 74 MB; the limit is 50 MB.');
    expect(humanMessage('ARTWORK_TOO_LARGE')).toBe('This file is larger than the upload limit.');
  });

  test('the panel names exactly one order or quote', () => {
    const id = '0b9c2f7e-1c1a-4a4e-9d8e-2f5a8c7b6d10';
    expect(targetFromSearch(new URLSearchParams({ orderId: id }))).toEqual({ orderId: id });
    expect(targetFromSearch(new URLSearchParams({ orderId: id, quoteId: id }))).toBeNull();
    expect(targetFromSearch(new URLSearchParams({ quoteId: 'x' }))).toBeNull();
    expect(artworkWhere({ quoteId: id })).toEqual({ quote_id: { _eq: id } });
  });
});
