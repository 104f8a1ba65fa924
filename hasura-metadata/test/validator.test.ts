import { describe, expect, test } from 'vitest';
import { checkMetadataDirectory, formatViolation, InvalidMetadataError, loadMetadata, type Violation } from '../src/index.ts';
import { copyProjectMetadata, editFile, PROJECT_METADATA } from '@portal/test-support';

const SALES_ORDERS = 'databases/default/tables/public_sales_orders.yaml';
const QUOTES = 'databases/default/tables/public_quotes.yaml';

function violationsOf(dir: string): Violation[] {
  const result = checkMetadataDirectory(dir);
  expect(result.ok, 'the broken copy should not validate').toBe(false);
  return result.violations;
}

describe("the project's metadata", () => {
  test('validates against Hasura’s schema with no violations', () => {
    const result = checkMetadataDirectory(PROJECT_METADATA);
    expect(result.violations.map(formatViolation)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test('loads as typed metadata with one Postgres source', () => {
    const metadata = loadMetadata(PROJECT_METADATA);
    expect(metadata.version).toBe(3);
    expect(metadata.sources.map((source) => [source.name, source.kind])).toEqual([['default', 'postgres']]);
  });
});

describe('strict keys', () => {
  test('a misspelt permission key (filer) names the table file and the path inside it', () => {
    const dir = copyProjectMetadata();
    editFile(dir, SALES_ORDERS, (text) => text.replace(/^(\s+)filter:/m, '$1filer:'));
    const violations = violationsOf(dir);
    const filer = violations.find((violation) => violation.message.startsWith('unknown key "filer"'));
    expect(filer).toMatchObject({ file: SALES_ORDERS, path: ['select_permissions', 0, 'permission', 'filer'] });
    expect(filer!.message).toContain('did you mean "filter"');
    expect(formatViolation(filer!)).toMatch(
      /^databases\/default\/tables\/public_sales_orders\.yaml:\d+ \$\.select_permissions\[0\]\.permission\.filer: /,
    );
    expect(violations).toContainEqual(
      expect.objectContaining({
        file: SALES_ORDERS,
        path: ['select_permissions', 0, 'permission'],
        message: 'missing required key "filter"',
      }),
    );
  });

  test('an unknown key in databases.yaml is refused too', () => {
    const dir = copyProjectMetadata();
    editFile(dir, 'databases/databases.yaml', (text) => text.replace('  kind: postgres\n', '  kind: postgres\n  tabels: []\n'));
    expect(violationsOf(dir)).toEqual([
      expect.objectContaining({ file: 'databases/databases.yaml', path: [0, 'tabels'], line: 3 }),
    ]);
  });

  test('a kind on a query action (customerMe) is refused: Hasura’s schema gives only mutations one', () => {
    const dir = copyProjectMetadata();
    editFile(dir, 'actions.yaml', (text) => text.replace('  - name: customerMe\n    definition:\n', '  - name: customerMe\n    definition:\n      kind: synchronous\n'));
    const [violation, ...others] = violationsOf(dir);
    expect(others).toEqual([]);
    expect(violation).toMatchObject({ file: 'actions.yaml', path: ['actions', expect.any(Number), 'definition', 'kind'] });
    expect(violation!.message).toMatch(/^unknown key "kind"; allowed here: /);
  });

  test('free-form objects (boolean expressions) are not checked for keys', () => {
    const dir = copyProjectMetadata();
    editFile(dir, SALES_ORDERS, (text) => text.replace('customer_id:\n          _eq: X', 'any_column_name:\n          _eq: X'));
    expect(checkMetadataDirectory(dir).violations).toEqual([]);
  });
});

describe('types and values', () => {
  test('a string where a number belongs (limit: "ten") fails with file and path', () => {
    const dir = copyProjectMetadata();
    editFile(dir, QUOTES, (text) => text.replace(/(\n {6}allow_aggregations: true\n)/, '$1      limit: "ten"\n'));
    expect(violationsOf(dir)).toEqual([
      expect.objectContaining({ file: QUOTES, path: ['select_permissions', 0, 'permission', 'limit'], message: 'must be number' }),
    ]);
  });

  test('a value outside an enum lists the allowed values', () => {
    const dir = copyProjectMetadata();
    editFile(dir, 'databases/databases.yaml', (text) => text.replace('read-committed', 'read-uncommitted'));
    const [violation] = violationsOf(dir);
    expect(violation).toMatchObject({ file: 'databases/databases.yaml', path: [0, 'configuration', 'connection_info', 'isolation_level'] });
    expect(violation!.message).toContain('"repeatable-read"');
  });

  test('a broken top-level file is named by its own file name', () => {
    const dir = copyProjectMetadata();
    editFile(dir, 'api_limits.yaml', () => 'disabled: 3\n');
    expect(violationsOf(dir)).toEqual([
      expect.objectContaining({ file: 'api_limits.yaml', path: ['disabled'], message: 'must be boolean' }),
    ]);
  });

  test('loadMetadata throws every violation at once', () => {
    const dir = copyProjectMetadata();
    editFile(dir, 'api_limits.yaml', () => 'disabled: 3\n');
    editFile(dir, QUOTES, (text) => text.replace(/^(\s+)filter:/m, '$1filer:'));
    expect(() => loadMetadata(dir)).toThrow(InvalidMetadataError);
    try {
      loadMetadata(dir);
    } catch (error) {
      expect((error as InvalidMetadataError).violations.map((violation) => violation.file)).toEqual(
        expect.arrayContaining(['api_limits.yaml', QUOTES]),
      );
    }
  });

  test('invalid YAML (a duplicate key) is reported with its file and line', () => {
    const dir = copyProjectMetadata();
    editFile(dir, QUOTES, (text) => text.replace('  schema: public\n', '  schema: public\n  schema: other\n'));
    const [violation] = violationsOf(dir);
    expect(violation).toMatchObject({ file: QUOTES, line: 4 });
    expect(violation!.message).toMatch(/^invalid YAML: .*unique/i);
  });
});
