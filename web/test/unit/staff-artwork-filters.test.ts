import { describe, expect, test } from 'vitest';
import { parseStaffArtworkFilters, staffArtworkHref, staffArtworkWhere } from '../../src/routes/(staff)/staff/artwork/artwork-filters.ts';

const parse = (query: string) => parseStaffArtworkFilters(new URLSearchParams(query));

describe('staff artwork filters', () => {
  test('read a status, "needs attention" or none, and a page', () => {
    expect(parse('')).toEqual({ filters: { status: '', page: 1 }, problems: [] });
    expect(parse('status=infected&page=3')).toEqual({ filters: { status: 'INFECTED', page: 3 }, problems: [] });
    expect(parse('status=attention&page=0').filters).toEqual({ status: 'ATTENTION', page: 1 });
  });

  test('an unknown status is dropped and explained', () => {
    const { filters, problems } = parse('status=LOST');
    expect(filters.status).toBe('');
    expect(problems).toHaveLength(1);
  });

  test('list customers’ artwork only, never proof files', () => {
    expect(staffArtworkWhere({ status: '', page: 1 })).toEqual({ purpose: { _eq: 'ARTWORK' } });
    expect(staffArtworkWhere({ status: 'CLEAN', page: 1 })).toEqual({ _and: [{ purpose: { _eq: 'ARTWORK' } }, { status: { _eq: 'CLEAN' } }] });
    expect(staffArtworkWhere({ status: 'ATTENTION', page: 1 })).toEqual({ _and: [{ purpose: { _eq: 'ARTWORK' } }, { status: { _in: ['INFECTED', 'REJECTED', 'UNSCANNED'] } }] });
  });

  test('links keep the filter and leave out defaults', () => {
    expect(staffArtworkHref({ status: '', page: 1 }, 1)).toBe('/staff/artwork');
    expect(staffArtworkHref({ status: 'ATTENTION', page: 1 }, 2)).toBe('/staff/artwork?status=ATTENTION&page=2');
  });
});
