import type pg from 'pg';
import { insertRows } from '../bulk-insert.ts';
import { productRows } from '../products.ts';
import { tenantExists } from '../tenant-exists.ts';
import { inSeedTransaction, linkConvertedQuotes, withoutStatusTrigger } from '../transaction.ts';
import { lastNumbers, saveDocumentCounters } from './number-counters.ts';
import { scaleCatalogue } from './scale-catalogue.ts';
import { orderHeaders, quoteHeaders } from './scale-headers.ts';
import { scalePeople } from './scale-people.ts';
import { insertOrderDetails, insertOrders, insertQuotes } from './scale-phases.ts';
import { scalePlan, type ScalePlan } from './scale-plan.ts';
import { scaleWorld, type ScaleWorld } from './scale-world.ts';

export interface SeedScaleOptions {
  /** 1 = 500 customers, 10,000 users, 50,000 orders, 20,000 quotes; may be fractional. */
  scale: number;
  bcryptCost: number;
  /** The end of the generated history. Default: now. */
  now?: Date;
}

export interface SeedScaleResult {
  /** False when the tenant of this scale already existed and nothing was written. */
  seeded: boolean;
  plan: ScalePlan;
  tenantId: string;
  /** Rows inserted per table. */
  counts: Record<string, number>;
}

async function insertPeopleAndProducts(client: pg.ClientBase, world: ScaleWorld, bcryptCost: number, counts: Record<string, number>): Promise<void> {
  const people = await scalePeople(world, bcryptCost);
  world.catalogue = scaleCatalogue(world.plan.products);
  const products = productRows(world.tenantId, world.id, world.catalogue, people.tenant.created_at);
  world.productIds = products.map((p) => p.id);
  world.skus = new Map(products.map((p) => [p.id, p.sku]));
  counts.tenants = await insertRows(client, 'tenants', [people.tenant]);
  counts.customers = await insertRows(client, 'customers', people.customers);
  counts.customer_users = await insertRows(client, 'customer_users', people.users);
  counts.integrator_clients = await insertRows(client, 'integrator_clients', people.integrators);
  counts.products = await insertRows(client, 'products', products);
}

async function insertWork(client: pg.ClientBase, world: ScaleWorld, counts: Record<string, number>): Promise<void> {
  const quotes = quoteHeaders(world);
  const orders = orderHeaders(world, quotes);
  await insertOrders(client, world, orders, quotes, counts);
  await insertQuotes(client, world, quotes, orders.map((o) => o.id), counts);
  await insertOrderDetails(client, world, orders, quotes, counts);
  await linkConvertedQuotes(client, world.tenantId);
  await saveDocumentCounters(client, world.tenantId, 'SO', lastNumbers(orders.map((o) => o.number)));
  await saveDocumentCounters(client, world.tenantId, 'Q', lastNumbers(quotes.map((q) => q.number)));
}

/**
 * Generates a large, reproducible data set in its own tenant (`scale-x<N>`), in one transaction,
 * with set-based inserts. Does nothing when that tenant already exists. Migrations must have run.
 */
export async function seedScale(client: pg.ClientBase, options: SeedScaleOptions): Promise<SeedScaleResult> {
  const plan = scalePlan(options.scale);
  const world = scaleWorld(plan, options.now ?? new Date());
  return inSeedTransaction(client, async () => {
    if (await tenantExists(client, plan.slug)) return { seeded: false, plan, tenantId: world.tenantId, counts: {} };
    const counts: Record<string, number> = {};
    await insertPeopleAndProducts(client, world, options.bcryptCost, counts);
    await withoutStatusTrigger(client, () => insertWork(client, world, counts));
    await client.query('analyze');
    return { seeded: true, plan, tenantId: world.tenantId, counts };
  });
}
