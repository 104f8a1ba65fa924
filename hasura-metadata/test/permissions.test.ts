import { CUSTOMER_ROLES, ENUM_TABLES } from '@portal/common';
import { describe, expect, test } from 'vitest';
import { loadMetadata } from '../src/index.ts';
import { PROJECT_METADATA } from '@portal/test-support';
import {
  defaultSource,
  nameOf,
  permissionsOf,
  SECRET_TABLES,
  sessionVariablesIn,
  SIGNED_IN_ROLES,
} from './metadata-facts.ts';

const metadata = loadMetadata(PROJECT_METADATA);
const permissions = permissionsOf(metadata);
const tables = defaultSource(metadata).tables;
const ENUM_TABLE_NAMES = ['user_roles', ...Object.keys(ENUM_TABLES)].sort();

describe('roles', () => {
  test('only the portal’s signed-in roles have permissions; anonymous has none', () => {
    const roles = new Set(permissions.map((permission) => permission.role));
    expect([...roles].sort()).toEqual([...SIGNED_IN_ROLES].sort());
  });

  test('row filters use only the user, customer and tenant session variables', () => {
    const used = new Set(permissions.flatMap((permission) => sessionVariablesIn([permission.expressions, permission.presets])));
    expect([...used].sort()).toEqual(['x-hasura-customer-id', 'x-hasura-tenant-id', 'x-hasura-user-id']);
  });

  test('every non-enum select filter is tied to the session (no open filters)', () => {
    const open = permissions.filter(
      (permission) =>
        !ENUM_TABLE_NAMES.includes(permission.table) &&
        permission.expressions.some((expression) => sessionVariablesIn(expression.value).length === 0),
    );
    expect(open.map((permission) => `${permission.table} ${permission.kind} ${permission.role}`)).toEqual([]);
  });

  test('customer roles filter by their customer (or, for shared catalogue rows, their tenant or user)', () => {
    for (const permission of permissions.filter((p) => p.kind === 'select' && (CUSTOMER_ROLES as readonly string[]).includes(p.role))) {
      if (ENUM_TABLE_NAMES.includes(permission.table)) continue;
      const variables = sessionVariablesIn(permission.expressions);
      const expected = ['tenants', 'products'].includes(permission.table)
        ? 'x-hasura-tenant-id'
        : permission.table === 'notifications'
          ? 'x-hasura-user-id'
          : 'x-hasura-customer-id';
      expect(variables, `${permission.table} (${permission.role})`).toContain(expected);
    }
  });

  test('the integrator reads only orders, their lines and status events (and enums), each limited to its tenant', () => {
    const integrator = permissions.filter((permission) => permission.role === 'integrator');
    expect(integrator.every((permission) => permission.kind === 'select')).toBe(true);
    const dataTables = integrator.map((permission) => permission.table).filter((table) => !ENUM_TABLE_NAMES.includes(table));
    expect(dataTables.sort()).toEqual(['order_status_events', 'sales_order_lines', 'sales_orders']);
    for (const permission of integrator.filter((p) => dataTables.includes(p.table))) {
      expect(sessionVariablesIn(permission.expressions)).toEqual(expect.arrayContaining(['x-hasura-tenant-id', 'x-hasura-user-id']));
    }
  });
});

describe('columns and mutations', () => {
  test('columns are always listed, never "*"', () => {
    const star = permissions.filter((permission) => permission.columns === '*');
    expect(star.map((permission) => `${permission.table} ${permission.kind} ${permission.role}`)).toEqual([]);
  });

  test('every update permission has both a filter and a check', () => {
    for (const permission of permissions.filter((p) => p.kind === 'update')) {
      const [filter, check] = permission.expressions;
      expect(filter?.value, `${permission.table} update ${permission.role} filter`).toBeTruthy();
      expect(check?.value, `${permission.table} update ${permission.role} check`).toBeTruthy();
    }
  });

  test('nobody may delete, and the activity log is read-only', () => {
    expect(permissions.filter((permission) => permission.kind === 'delete')).toEqual([]);
    const log = permissions.filter((permission) => permission.table === 'customer_activity_log');
    expect(log.map((permission) => `${permission.kind} ${permission.role}`).sort()).toEqual(['select customer_admin', 'select staff']);
  });

  test('customer roles create DRAFT quotes owned by their session, nothing else of theirs by insert', () => {
    const inserts = permissions.filter((p) => p.kind === 'insert' && (CUSTOMER_ROLES as readonly string[]).includes(p.role));
    expect([...new Set(inserts.map((permission) => permission.table))].sort()).toEqual(['quote_lines', 'quotes']);
    for (const quote of inserts.filter((permission) => permission.table === 'quotes')) {
      expect(quote.presets).toEqual({
        customer_id: 'X-Hasura-Customer-Id',
        requested_by: 'X-Hasura-User-Id',
        tenant_id: 'X-Hasura-Tenant-Id',
      });
      expect(JSON.stringify(quote.expressions)).toContain('{"status":{"_eq":"DRAFT"}}');
      expect(quote.columns).not.toContain('status');
    }
  });

  test('dashboards can count orders, quotes and proofs', () => {
    for (const table of ['sales_orders', 'quotes', 'proofs']) {
      for (const role of [...CUSTOMER_ROLES, 'staff']) {
        const select = permissions.find((p) => p.table === table && p.kind === 'select' && p.role === role);
        expect(select?.raw.allow_aggregations, `${table} ${role}`).toBe(true);
      }
    }
  });
});

describe('tables', () => {
  test('secret tables are tracked but no role has any permission on them', () => {
    const names = tables.map(nameOf);
    expect(names).toEqual(expect.arrayContaining(SECRET_TABLES));
    expect(permissions.filter((permission) => SECRET_TABLES.includes(permission.table))).toEqual([]);
  });

  test('the enum tables are marked is_enum and readable by every signed-in role', () => {
    const enums = tables.filter((table) => table.is_enum).map(nameOf).sort();
    expect(enums).toEqual(ENUM_TABLE_NAMES);
    for (const table of enums) {
      const readers = permissions.filter((p) => p.table === table && p.kind === 'select').map((p) => p.role);
      expect(readers.sort(), table).toEqual([...SIGNED_IN_ROLES].sort());
    }
  });
});
