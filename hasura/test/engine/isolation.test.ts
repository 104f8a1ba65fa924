import { GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, test } from 'vitest';
import { CUSTOMER_ROLES } from '@portal/common';
import { seedScale } from '@portal/seed';
import type { TableInfo } from '../../src/model/index.ts';
import { demoEngine, type EngineFixture } from './engine-fixture.ts';
import { owners, type Owner } from './ownership.ts';

const SECRET_COLUMNS = ['password_hash', 'mfa_secret_encrypted', 'mfa_pending_secret_encrypted', 'key_hash', 'token_hash', 'code_hash', 'internal_notes', 'storage_key', 'preview_key', 'thumbnail_key'];

let engine: EngineFixture;
let session: Record<string, string>;
let customerId: string;
let tenantId: string;

beforeAll(async () => {
  engine = await demoEngine();
  const client = await engine.db.pool.connect();
  try {
    await seedScale(client, { scale: 0.01, bcryptCost: 4 });
  } finally {
    client.release();
  }
  const user = await engine.db.pool.query("select id, customer_id, tenant_id from public.customer_users where email = 'user@bluepeak.example'");
  ({ customer_id: customerId, tenant_id: tenantId } = user.rows[0]);
  session = { 'x-hasura-user-id': user.rows[0].id, 'x-hasura-customer-id': customerId, 'x-hasura-tenant-id': tenantId };
});

/** Tables with row ids that a role may select (enum tables are global and hold no customer data). */
function readableTables(role: string): TableInfo[] {
  return [...engine.state.model.tables.values()].filter((t) => t.selectPermissions.has(role) && t.enumValues === null);
}

function ownedByUs(owner: Owner | undefined): boolean {
  return owner !== undefined && owner.tenantId === tenantId && (owner.customerId === null || owner.customerId === customerId);
}

async function visibleIds(role: string, table: TableInfo): Promise<string[]> {
  const result = await engine.query(`{ rows: ${table.rootFields.select} { id } }`, { ...session, 'x-hasura-role': role });
  expect(result.errors).toBeUndefined();
  return result.data.rows.map((row: { id: string }) => row.id);
}

describe.each(CUSTOMER_ROLES)('%s of one customer sees nothing of another customer or tenant', (role) => {
  test('through list root fields, and sees all of its own orders, quotes and proofs', async () => {
    for (const table of readableTables(role)) {
      const tableOwners = await owners(engine.db.pool, table.name);
      const ids = await visibleIds(role, table);
      expect(ids.filter((id) => !ownedByUs(tableOwners.get(id))), `${table.name}: rows of others`).toEqual([]);
      if (['sales_orders', 'quotes', 'proofs', 'sales_order_lines', 'order_status_events', 'quote_revisions', 'quote_acceptances', 'artwork_files'].includes(table.name)) {
        const ours = [...tableOwners].filter(([, owner]) => owner.customerId === customerId).map(([id]) => id);
        expect(ids.sort(), `${table.name}: own rows`).toEqual(ours.sort());
        expect(ids.length).toBeGreaterThan(0);
      }
    }
  });

  test('through _by_pk, even with the id of another customer\'s row', async () => {
    for (const table of readableTables(role)) {
      const theirs = [...(await owners(engine.db.pool, table.name))].find(([, owner]) => !ownedByUs(owner));
      if (!theirs || !engine.state.schemas.get(role).queryFields.has(table.rootFields.select_by_pk)) continue;
      const result = await engine.query(`query ($id: uuid!) { row: ${table.rootFields.select_by_pk}(id: $id) { id } }`, { ...session, 'x-hasura-role': role }, { id: theirs[0] });
      expect(result, table.name).toEqual({ data: { row: null } });
    }
  });

  test('through aggregates', async () => {
    for (const table of readableTables(role)) {
      if (!engine.state.schemas.get(role).queryFields.has(table.rootFields.select_aggregate)) continue;
      const result = await engine.query(`{ agg: ${table.rootFields.select_aggregate} { aggregate { count } } }`, { ...session, 'x-hasura-role': role });
      expect(result.data.agg.aggregate.count, table.name).toBe((await visibleIds(role, table)).length);
    }
  });

  test('through nested relationships', async () => {
    for (const table of readableTables(role)) {
      for (const relationship of table.relationships.values()) {
        const target = engine.state.model.tables.get(relationship.target)!;
        if (!target.selectPermissions.has(role) || target.enumValues !== null) continue;
        const result = await engine.query(`{ rows: ${table.rootFields.select} { id nested: ${relationship.name} { id } } }`, { ...session, 'x-hasura-role': role });
        expect(result.errors, `${table.name}.${relationship.name}`).toBeUndefined();
        const nested = result.data.rows.flatMap((row: { nested: unknown }) => [row.nested].flat().filter(Boolean)) as Array<{ id: string }>;
        const targetOwners = await owners(engine.db.pool, target.name);
        expect(nested.filter((row) => !ownedByUs(targetOwners.get(row.id))), `${table.name}.${relationship.name}`).toEqual([]);
      }
    }
  });

  test('columns outside the permission are absent from the schema', () => {
    const schema = engine.state.schemas.get(role).schema;
    for (const table of readableTables(role)) {
      const type = schema.getType(table.baseName) as GraphQLObjectType;
      const columnFields = Object.keys(type.getFields()).filter((field) => table.columns.has(field));
      expect(columnFields.sort(), table.name).toEqual([...table.selectPermissions.get(role)!.columns].sort());
      expect(columnFields.filter((field) => SECRET_COLUMNS.includes(field)), table.name).toEqual([]);
    }
  });

  test('selecting a column outside the permission is a validation error', async () => {
    const result = await engine.query('{ customer_users { id password_hash } }', { ...session, 'x-hasura-role': role });
    expect(result.errors[0]).toMatchObject({ extensions: { code: 'validation-failed' }, message: "field 'password_hash' not found in type: 'customer_users'" });
  });
});

test('the demo data gives the quote evidence tables rows of several customers and tenants to hide', async () => {
  for (const table of ['quote_revisions', 'quote_acceptances']) {
    const spread = await engine.db.pool.query(`select count(distinct customer_id)::int as customers, count(distinct tenant_id)::int as tenants from public.${table}`);
    expect(spread.rows[0], table).toEqual({ customers: expect.any(Number), tenants: 2 });
    expect(spread.rows[0].customers, table).toBeGreaterThan(2);
  }
});

test('staff see only their own tenant', async () => {
  const staff = await engine.db.pool.query("select id, tenant_id from public.customer_users where email = 'staff@demo-printer.example'");
  const staffSession = { 'x-hasura-role': 'staff', 'x-hasura-user-id': staff.rows[0].id, 'x-hasura-tenant-id': staff.rows[0].tenant_id };
  const result = await engine.query('{ sales_orders { id tenant_id } customers { id tenant_id } quote_revisions { tenant_id } quote_acceptances { tenant_id } }', staffSession);
  const rows = [...result.data.sales_orders, ...result.data.customers, ...result.data.quote_revisions, ...result.data.quote_acceptances];
  expect(result.data.quote_acceptances.length).toBeGreaterThan(0);
  const tenants = new Set(rows.map((row: { tenant_id: string }) => row.tenant_id));
  expect([...tenants]).toEqual([staff.rows[0].tenant_id]);
  const all = await engine.db.pool.query('select count(distinct tenant_id)::int as n from public.sales_orders');
  expect(all.rows[0].n).toBeGreaterThan(1);
});

test('staff read their tenant\'s artwork with its storage keys; integrators have no artwork at all', async () => {
  const staff = await engine.db.pool.query("select id, tenant_id from public.customer_users where email = 'staff@demo-printer.example'");
  const staffSession = { 'x-hasura-role': 'staff', 'x-hasura-user-id': staff.rows[0].id, 'x-hasura-tenant-id': staff.rows[0].tenant_id };
  const result = await engine.query('{ artwork_files { tenant_id storage_key } }', staffSession);
  expect(result.data.artwork_files.length).toBeGreaterThan(0);
  expect(new Set(result.data.artwork_files.map((row: { tenant_id: string }) => row.tenant_id))).toEqual(new Set([staff.rows[0].tenant_id]));
  const all = await engine.db.pool.query('select count(distinct tenant_id)::int as n from public.artwork_files');
  expect(all.rows[0].n).toBeGreaterThan(1);
  expect(engine.state.schemas.get('integrator').queryFields.has('artwork_files')).toBe(false);
});
