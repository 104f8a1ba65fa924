import { beforeAll, describe, expect, test } from 'vitest';
import { demoEngine, type EngineFixture } from './engine-fixture.ts';

/** The catalogue page's queries, as the web will send them, over the demo data. */
let engine: EngineFixture;
let session: Record<string, string>;

beforeAll(async () => {
  engine = await demoEngine();
  const user = await engine.db.pool.query("select id, customer_id, tenant_id from public.customer_users where email = 'user@bluepeak.example'");
  session = { 'x-hasura-role': 'customer_user', 'x-hasura-user-id': user.rows[0].id, 'x-hasura-customer-id': user.rows[0].customer_id, 'x-hasura-tenant-id': user.rows[0].tenant_id };
});

const SEARCH = `query ($q: String!) {
  products(where: {active: {_eq: true}, _or: [{name: {_ilike: $q}}, {sku: {_ilike: $q}}]}, order_by: [{category: asc}, {name: asc}]) { sku name category unit_price }
}`;

describe('product search', () => {
  test('matches the name or the SKU anywhere, in any case', async () => {
    const byName = await engine.query(SEARCH, session, { q: '%CARDS%' });
    expect(byName.errors).toBeUndefined();
    expect(byName.data.products.map((p: { sku: string }) => p.sku)).toEqual(['BC-PREM-SOFT', 'BC-STD-350']);
    const bySku = await engine.query(SEARCH, session, { q: '%lbl-%' });
    expect(bySku.data.products.map((p: { sku: string }) => p.sku).sort()).toEqual(['LBL-RECT-100X70', 'LBL-RND-50']);
  });

  test('leaves out inactive products, and a product priced on request has no price', async () => {
    const calendars = await engine.query(SEARCH, session, { q: '%calendar%' });
    expect(calendars.data.products).toEqual([]);
    const sleeves = await engine.query(SEARCH, session, { q: '%sleeve%' });
    expect(sleeves.data.products).toEqual([{ sku: 'PKG-SLEEVE', name: 'Gift box sleeves', category: 'Packaging', unit_price: null }]);
  });

  test('lists the categories and their products of the tenant only', async () => {
    const result = await engine.query('{ products(where: {active: {_eq: true}, category: {_eq: "Banners"}}, order_by: {name: asc}) { sku tenant_id } }', session);
    expect(result.data.products.map((p: { sku: string }) => p.sku)).toEqual(['BAN-PVC-3X1', 'BAN-ROLLUP-85']);
    expect(new Set(result.data.products.map((p: { tenant_id: string }) => p.tenant_id))).toEqual(new Set([session['x-hasura-tenant-id']]));
  });
});
