import { describe, expect, test } from 'vitest';
import { compareTarget } from '../../src/lib/proofs/proof-compare.ts';
import { csvCell } from '../../src/lib/csv.ts';
import { proofHistoryCsv } from '../../src/lib/proofs/proof-history-csv.ts';
import { proofThreads, type ProofComment } from '../../src/lib/proofs/proof-threads.ts';
import { currentVersion, pageFromUrl } from '../../src/lib/proofs/proof-view.ts';

const comment = (id: string, parent: string | null, extra: Partial<ProofComment> = {}): ProofComment => ({
  id, parent_id: parent, author_name: 'Marcus Webb', author_role: 'customer_approver', body: `body ${id}`,
  page: parent ? null : 1, x: null, y: null, resolved_at: null, created_at: '2026-12-01T10:00:00Z', ...extra,
});

describe('proof history CSV', () => {
  test('quotes separators and line breaks, and keeps formula-like cells as text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('+1 503')).toBe("'+1 503");
    expect(csvCell('@sum')).toBe("'@sum");
  });

  test('one row per step, oldest first, with the person, role and their words', () => {
    const csv = proofHistoryCsv(2, [
      { kind: 'PUBLISHED', actor_name: 'Sam Staff', actor_role: 'staff', details: { notes: 'Price fixed.' }, created_at: '2026-12-01T10:00:00Z' },
      { kind: 'REVISION_REQUESTED', actor_name: 'Marcus Webb', actor_role: 'customer_approver', details: { comment: 'Move the logo, please' }, created_at: '2026-12-01T11:00:00+01:00' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time_utc,version,event,what_happened,person,role,note',
      '2026-12-01T10:00:00.000Z,2,PUBLISHED,published this version,Sam Staff,staff,Price fixed.',
      '2026-12-01T10:00:00.000Z,2,REVISION_REQUESTED,asked for a revision,Marcus Webb,customer_approver,"Move the logo, please"',
      '',
    ]);
  });
});

describe('proof comment threads', () => {
  test('numbers threads in order, puts replies under them, reads numeric points', () => {
    const threads = proofThreads([
      comment('a', null, { page: 2, x: '0.25000', y: 0.5 }),
      comment('b', null),
      comment('c', 'a'),
      comment('d', 'missing-thread'),
    ]);
    expect(threads.map((t) => [t.number, t.root.id, t.page, t.point, t.replies.map((r) => r.id)])).toEqual([
      [1, 'a', 2, { x: 0.25, y: 0.5 }, ['c']],
      [2, 'b', 1, null, []],
    ]);
  });
});

describe('proof viewer helpers', () => {
  test('the current version is the one not superseded', () => {
    const versions = [
      { id: 'v2', version: 2, status: 'PENDING_REVIEW', superseded_at: null },
      { id: 'v1', version: 1, status: 'REVISION_REQUESTED', superseded_at: '2026-12-01T10:00:00Z' },
    ];
    expect(currentVersion(versions)?.id).toBe('v2');
    expect(currentVersion([])).toBeNull();
  });

  test('?page= is used only within the proof', () => {
    expect(pageFromUrl(new URL('http://x/p?page=3'), 4)).toBe(3);
    expect(pageFromUrl(new URL('http://x/p?page=5'), 4)).toBe(1);
    expect(pageFromUrl(new URL('http://x/p?page=1.5'), 4)).toBe(1);
  });

  test('compare takes two distinct canonical ids', () => {
    const a = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const b = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(compareTarget(a.toUpperCase(), new URL(`http://x/?with=${b}`))).toEqual([a, b]);
    expect(compareTarget(a, new URL(`http://x/?with=${a}`))).toBeNull();
    expect(compareTarget(a, new URL('http://x/?with=nope'))).toBeNull();
  });
});
