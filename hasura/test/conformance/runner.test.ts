import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportLines } from '../../conformance/report.ts';
import { runConformance, type ConformanceReport } from '../../conformance/runner.ts';
import { FIXTURES } from './synthetic-fixtures.ts';

let root: string;
let report: ConformanceReport;

const statusOf = (name: string) => report.folders.flatMap((folder) => folder.files).find((file) => file.name.endsWith(name));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'conformance-fixtures-'));
  for (const [path, text] of Object.entries(FIXTURES)) {
    mkdirSync(join(root, 'suite', path, '..'), { recursive: true });
    writeFileSync(join(root, 'suite', path), text);
  }
  report = await runConformance(join(root, 'suite'), { adminUrl: inject('adminDatabaseUrl') });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the conformance runner on a folder of the same layout', () => {
  it('finds every fixture folder, nested ones included, and names files from the root', () => {
    expect(report.folders.map((folder) => folder.folder).sort()).toEqual(['suite/deep/er/query', 'suite/mutation', 'suite/query']);
  });

  it('passes what the engine answers like Hasura, over HTTP with the admin secret and role headers', () => {
    expect(statusOf('query/select.yaml')).toMatchObject({ status: 'passed' });
    expect(statusOf('query/role.yaml')).toMatchObject({ status: 'passed' });
    expect(statusOf('query/run_sql_step.yaml')).toMatchObject({ status: 'passed' });
    expect(statusOf('deep/er/query/select.yaml')).toMatchObject({ status: 'passed' });
  });

  it('reports a wrong answer as a failure with a short difference', () => {
    expect(statusOf('query/wrong.yaml')).toMatchObject({ status: 'failed', reason: expect.stringContaining('$.data.item[0].name: expected "nope", got "one"') });
  });

  it('skips, naming the feature: another backend, a refused setup step, numbers as strings', () => {
    expect(statusOf('query/select_mssql.yaml')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('another database backend') });
    expect(statusOf('query/computed.yaml')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('computed fields') });
    expect(statusOf('query/bigint.yaml')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES') });
  });

  it('gives every mutation test the same starting rows (values_setup / values_teardown around each)', () => {
    expect(statusOf('mutation/insert_a.yaml')).toMatchObject({ status: 'passed' });
    expect(statusOf('mutation/insert_b.yaml')).toMatchObject({ status: 'passed' });
  });

  it('notes the setup steps it could not apply, and ends with the summary line', () => {
    const lines = reportLines(report);
    expect(lines).toContain('NOTE suite/query/setup.yaml step 4 (add_computed_field) not applied: needs computed fields');
    expect(lines.at(-1)).toBe(`${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
    expect([report.passed, report.failed, report.skipped]).toEqual([6, 1, 3]);
  });
});
