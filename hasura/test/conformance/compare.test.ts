import { describe, expect, it } from 'vitest';
import { assertAllowed, assertResponse } from '../../conformance/compare/assert-response.ts';

const query = (text: string) => ({ query: text });
const AUTHORS = query('query { author { id name articles { title } } }');

describe('the selection-order rule', () => {
  it('requires objects under data to follow the selection order', () => {
    const expected = { data: { author: [{ id: 1, name: 'A', articles: [] }] } };
    expect(assertResponse({ data: { author: [{ id: 1, name: 'A', articles: [] }] } }, expected, AUTHORS, {}).ok).toBe(true);
    const swapped = assertResponse({ data: { author: [{ name: 'A', id: 1, articles: [] }] } }, expected, AUTHORS, {});
    expect(swapped).toMatchObject({ ok: false, reason: expect.stringContaining('keys in order') });
  });

  it('takes the order from the query, not from the fixture', () => {
    const fixtureOrder = { data: { author: [{ name: 'A', articles: [], id: 1 }] } };
    expect(assertResponse({ data: { author: [{ id: 1, name: 'A', articles: [] }] } }, fixtureOrder, AUTHORS, {}).ok).toBe(true);
  });

  it('keeps the fixture order where the first definition does not select every key (another operation runs)', () => {
    const twoOperations = { operationName: 'b', query: 'query a { author { name } } query b { author { id name } }' };
    const expected = { data: { author: [{ id: 1, name: 'A' }] } };
    expect(assertResponse({ data: { author: [{ id: 1, name: 'A' }] } }, expected, twoOperations, {}).ok).toBe(true);
  });

  it('ignores order in leaves, errors, the top level, and wherever the driver gives up (fragments, aliases, batches)', () => {
    const jsonLeaf = query('query { t { id doc } }');
    expect(assertResponse({ data: { t: [{ id: 1, doc: { b: 1, a: 2 } }] } }, { data: { t: [{ id: 1, doc: { a: 2, b: 1 } }] } }, jsonLeaf, {}).ok).toBe(true);
    const aliased = query('query { x: author { id name } }');
    expect(assertResponse({ data: { x: [{ name: 'A', id: 1 }] } }, { data: { x: [{ id: 1, name: 'A' }] } }, aliased, {}).ok).toBe(true);
    const fragment = query('query { author { ...f } } fragment f on author { id name }');
    expect(assertResponse({ data: { author: [{ name: 'A', id: 1 }] } }, { data: { author: [{ id: 1, name: 'A' }] } }, fragment, {}).ok).toBe(true);
    expect(assertResponse([{ data: { a: { y: 1, x: 2 } } }], [{ data: { a: { x: 2, y: 1 } } }], [query('{ a { x y } }')], {}).ok).toBe(true);
  });

  it('compares arrays in order and numbers by value', () => {
    const ids = query('query { author { id } }');
    expect(assertResponse({ data: { author: [{ id: 2.0 }] } }, { data: { author: [{ id: 2 }] } }, ids, {}).ok).toBe(true);
    expect(assertResponse({ data: { author: [{ id: 2 }, { id: 1 }] } }, { data: { author: [{ id: 1 }, { id: 2 }] } }, ids, {}).ok).toBe(false);
  });
});

describe('error bodies', () => {
  it('pass whenever both sides are errors, whatever they say', () => {
    const verdict = assertResponse({ errors: [{ message: 'a', extensions: { code: 'x' } }] }, { errors: [{ message: 'b' }] }, query('{ a }'), {});
    expect(verdict).toEqual({ ok: true, note: 'error body differs (not enforced)' });
  });

  it('fail when only one side is an error, and per element in a batch', () => {
    expect(assertResponse({ data: { a: 1 } }, { errors: [{ message: 'b' }] }, query('{ a }'), {}).ok).toBe(false);
    const batch = [query('{ a }'), query('{ b }')];
    expect(assertResponse([{ data: { a: 1 } }, { errors: [{ message: 'x' }] }], [{ data: { a: 1 } }, { errors: [{ message: 'y' }] }], batch, {}).ok).toBe(true);
    expect(assertResponse([{ data: { a: 2 } }, { data: { b: 1 } }], [{ data: { a: 1 } }, { data: { b: 1 } }], batch, {})).toMatchObject({ ok: false, reason: expect.stringContaining('$[0].data.a') });
  });
});

describe('extras', () => {
  it('checks resp_headers as a subset, names case-insensitive', () => {
    expect(assertResponse({ a: 1 }, { a: 1 }, {}, { 'x-thing': 'v' }, { 'X-Thing': 'v' }).ok).toBe(true);
    expect(assertResponse({ a: 1 }, { a: 1 }, {}, { 'x-thing': 'w' }, { 'X-Thing': 'v' }).ok).toBe(false);
  });

  it('accepts any one of allowed_responses', () => {
    const alternatives = [{ response: { data: { a: 1 } } }, { response: { data: { a: 2 } } }];
    expect(assertAllowed({ data: { a: 2 } }, alternatives, query('{ a }'), {}).ok).toBe(true);
    expect(assertAllowed({ data: { a: 3 } }, alternatives, query('{ a }'), {}).ok).toBe(false);
  });

  it('tells when numbers as strings are the only difference (Hasura\'s suite stringifies them)', () => {
    const verdict = assertResponse({ data: { user: [{ id: 1, name: 'A' }] } }, { data: { user: [{ id: '1', name: 'A' }] } }, query('{ user { id name } }'), {});
    expect(verdict).toMatchObject({ ok: false, numbersAsStrings: true });
    const other = assertResponse({ data: { user: [{ id: 1, name: 'B' }] } }, { data: { user: [{ id: '1', name: 'A' }] } }, query('{ user { id name } }'), {});
    expect(other).toMatchObject({ ok: false, numbersAsStrings: false });
  });
});
