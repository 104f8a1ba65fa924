import { CUSTOMER_ROLES, ENUM_TABLES, USER_ROLES } from '@portal/common';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMetadata } from '../src/index.ts';
import { boolExpProblems } from './bool-exp-columns.ts';
import { readCatalog, type Catalog } from './catalog.ts';
import { createTestDatabase, PROJECT_METADATA } from '@portal/test-support';
import { defaultSource, nameOf, NOT_SECRET_COLUMNS, permissionsOf, SECRET_COLUMNS, STAFF_ONLY_COLUMNS } from './metadata-facts.ts';
import { resolveRelationships, type ResolvedRelationship } from './relationships.ts';

const metadata = loadMetadata(PROJECT_METADATA);
const tables = defaultSource(metadata).tables;
const permissions = permissionsOf(metadata);
const ENUM_VALUES: Record<string, readonly string[]> = { user_roles: USER_ROLES, ...ENUM_TABLES };

let catalog: Catalog;
let relationships: ResolvedRelationship[];
let enumRows: Map<string, string[]>;

beforeAll(async () => {
  const db = await createTestDatabase();
  catalog = await readCatalog(db.pool);
  relationships = resolveRelationships(catalog, tables);
  enumRows = new Map();
  for (const table of Object.keys(ENUM_VALUES)) {
    const rows = await db.pool.query<{ value: string }>(`select value from public.${table} order by value`);
    enumRows.set(table, rows.rows.map((row) => row.value));
  }
});

function columnsOf(table: string): Set<string> {
  return catalog.columns.get(table) ?? new Set();
}

describe('metadata against the migrated database', () => {
  test('every table of schema public is tracked, and every tracked table exists', () => {
    expect(tables.map(nameOf).sort()).toEqual([...catalog.tables].sort());
    expect(tables.every((table) => typeof table.table === 'object' && table.table.schema === 'public')).toBe(true);
  });

  test('every column a permission lists or presets exists', () => {
    const missing = permissions.flatMap((permission) => {
      const listed = Array.isArray(permission.columns) ? permission.columns : [];
      return [...listed, ...Object.keys(permission.presets)]
        .filter((column) => !columnsOf(permission.table).has(column))
        .map((column) => `${permission.table} ${permission.kind} ${permission.role}: ${column}`);
    });
    expect(missing).toEqual([]);
  });

  test('every name in every filter and check is a column or a relationship of the right table', () => {
    const problems = permissions.flatMap((permission) =>
      permission.expressions
        .filter((expression) => expression.value)
        .flatMap((expression) =>
          boolExpProblems(
            catalog,
            relationships,
            permission.table,
            expression.value,
            `${permission.table} ${permission.kind} ${permission.role} ${expression.name}`,
          ),
        ),
    );
    expect(problems).toEqual([]);
  });

  test('every relationship follows an existing foreign key', () => {
    expect(relationships.filter((rel) => rel.problem).map((rel) => `${rel.table}.${rel.name}: ${rel.problem}`)).toEqual([]);
    expect(relationships.length).toBeGreaterThan(40);
  });

  test('relationship names do not clash with column names or with each other', () => {
    const clashes = relationships.filter(
      (rel, index) =>
        columnsOf(rel.table).has(rel.name) ||
        relationships.findIndex((other) => other.table === rel.table && other.name === rel.name) !== index,
    );
    expect(clashes.map((rel) => `${rel.table}.${rel.name}`)).toEqual([]);
  });
});

describe('enum tables', () => {
  test('exactly the enum tables are is_enum, each shaped as Hasura requires (text key "value" plus "comment")', () => {
    const marked = tables.filter((table) => table.is_enum).map(nameOf).sort();
    expect(marked).toEqual(Object.keys(ENUM_VALUES).sort());
    for (const table of marked) {
      expect(catalog.primaryKeys.get(table), table).toEqual(['value']);
      expect([...columnsOf(table)].sort(), table).toEqual(['comment', 'value']);
    }
  });

  test('their rows are the values in common/src', () => {
    for (const [table, values] of Object.entries(ENUM_VALUES)) {
      expect(enumRows.get(table), table).toEqual([...values].sort());
    }
  });
});

describe('secret columns', () => {
  test('every column that looks secret in the database is on the secret list, and the list is current', () => {
    const all = [...catalog.columns.values()].flatMap((columns) => [...columns]);
    const looksSecret = [...new Set(all.filter((column) => /hash|secret|encrypted/.test(column) && !NOT_SECRET_COLUMNS.includes(column)))].sort();
    expect(looksSecret.filter((column) => !SECRET_COLUMNS.includes(column))).toEqual([]);
    expect(SECRET_COLUMNS.filter((column) => !all.includes(column))).toEqual([]);
  });

  test('no role can read or write a secret column', () => {
    const exposed = permissions.flatMap((permission) => {
      const columns = Array.isArray(permission.columns) ? permission.columns : [...columnsOf(permission.table)];
      return [...columns, ...Object.keys(permission.presets)]
        .filter((column) => SECRET_COLUMNS.includes(column))
        .map((column) => `${permission.table}.${column} (${permission.kind} ${permission.role})`);
    });
    expect(exposed).toEqual([]);
  });

  test('customer roles and the integrator cannot read staff-only columns', () => {
    const outsiders = new Set<string>([...CUSTOMER_ROLES, 'integrator']);
    const exposed = permissions
      .filter((permission) => outsiders.has(permission.role))
      .flatMap((permission) => {
        const columns = Array.isArray(permission.columns) ? permission.columns : [...columnsOf(permission.table)];
        return columns
          .filter((column) => STAFF_ONLY_COLUMNS.includes(column))
          .map((column) => `${permission.table}.${column} (${permission.kind} ${permission.role})`);
      });
    expect(exposed).toEqual([]);
    const internalNotes = [...catalog.columns].filter(([, columns]) => columns.has('internal_notes')).map(([table]) => table);
    expect(internalNotes.length).toBeGreaterThan(0);
  });
});

describe('the checks above catch mistakes', () => {
  test('unknown columns and relationships in an expression are reported', () => {
    const expression = { _and: [{ customer: { nickname: { _eq: 'x' } } }, { no_such_column: { _eq: 1 } }] };
    expect(boolExpProblems(catalog, relationships, 'sales_orders', expression, 'probe')).toEqual([
      'probe._and[0].customer.nickname: customers has no column or relationship "nickname"',
      'probe._and[1].no_such_column: sales_orders has no column or relationship "no_such_column"',
    ]);
  });

  test('a relationship without a matching foreign key is reported', () => {
    const probe = resolveRelationships(catalog, [
      {
        table: { name: 'sales_orders', schema: 'public' },
        object_relationships: [{ name: 'by_number', using: { foreign_key_constraint_on: 'order_number' } }],
        array_relationships: [
          {
            name: 'tenant_users',
            using: { foreign_key_constraint_on: { table: { name: 'customer_users', schema: 'public' }, column: 'tenant_id' } },
          },
        ],
      },
    ]);
    expect(probe.map((rel) => rel.problem)).toEqual([
      'no foreign key on sales_orders(order_number)',
      'customer_users_tenant_id_fkey references tenants, not sales_orders',
    ]);
  });
});
