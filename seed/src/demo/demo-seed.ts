import type pg from 'pg';
import { insertRows } from '../bulk-insert.ts';
import { CATALOGUE } from '../catalogue.ts';
import { DEMO_TENANT } from '../demo-accounts.ts';
import { productRows } from '../products.ts';
import { inSeedTransaction, linkConvertedQuotes, withoutStatusTrigger } from '../transaction.ts';
import { addDays } from '../time.ts';
import { tenantExists } from '../tenant-exists.ts';
import { demoArtwork } from './demo-artwork.ts';
import { demoActivity } from './demo-activity.ts';
import { demoContext, type DemoContext } from './demo-context.ts';
import { demoNotifications } from './demo-notifications.ts';
import { demoOrders } from './demo-orders.ts';
import { demoCustomers, demoIntegrators, demoTenant, demoUsers } from './demo-people.ts';
import { demoProofs } from './demo-proofs.ts';
import { demoAcceptances } from './demo-acceptances.ts';
import { demoQuotes } from './demo-quotes.ts';

export interface SeedDemoOptions {
  /** bcrypt cost of the password hashes (production default 12; tests use 4). */
  bcryptCost: number;
  /** The moment the demo history leads up to; all seeded times are before it. Default: now. */
  now?: Date;
}

export interface SeedDemoResult {
  /** False when the demo tenant was already there and nothing was written. */
  seeded: boolean;
  tenantId: string;
  /** Rows inserted per table. */
  counts: Record<string, number>;
}

/** True when the database already holds the demo tenant (false, too, before migrations ran). */
export function isSeeded(client: pg.ClientBase): Promise<boolean> {
  return tenantExists(client, DEMO_TENANT.slug);
}

async function insertPeople(client: pg.ClientBase, ctx: DemoContext, bcryptCost: number, counts: Record<string, number>): Promise<DemoContext> {
  const customers = demoCustomers(ctx);
  const users = await demoUsers(ctx, bcryptCost);
  const products = productRows(ctx.tenantId, ctx.id, CATALOGUE, addDays(ctx.now, -390));
  counts.tenants = await insertRows(client, 'tenants', [demoTenant(ctx)]);
  counts.customers = await insertRows(client, 'customers', customers);
  counts.customer_users = await insertRows(client, 'customer_users', users);
  counts.integrator_clients = await insertRows(client, 'integrator_clients', demoIntegrators(ctx));
  counts.products = await insertRows(client, 'products', products);
  return {
    ...ctx,
    customers: new Map(customers.map((c) => [c.customer_code, c])),
    users: new Map(users.map((u) => [u.email, u])),
    products,
  };
}

async function insertWork(client: pg.ClientBase, ctx: DemoContext, counts: Record<string, number>): Promise<void> {
  const quotes = demoQuotes(ctx);
  const orders = demoOrders(ctx, quotes);
  const proofs = demoProofs(ctx, orders.values());
  const q = [...quotes.values()];
  const o = [...orders.values()];
  // Number triggers assign SO-/Q- numbers in insertion order: orders and quotes are sorted by time.
  counts.sales_orders = await insertRows(client, 'sales_orders', o.map((x) => x.row));
  counts.quotes = await insertRows(client, 'quotes', q.map((x) => x.row));
  counts.quote_lines = await insertRows(client, 'quote_lines', q.flatMap((x) => x.lines));
  counts.quote_revisions = await insertRows(client, 'quote_revisions', q.flatMap((x) => (x.revision ? [x.revision] : [])));
  counts.sales_order_lines = await insertRows(client, 'sales_order_lines', o.flatMap((x) => x.lines));
  await linkConvertedQuotes(client, ctx.tenantId);
  counts.quote_acceptances = await insertRows(client, 'quote_acceptances', demoAcceptances(ctx, q, orders));
  const events = o.flatMap((x) => x.events).sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  counts.order_status_events = await insertRows(client, 'order_status_events', events);
  counts.proofs = await insertRows(client, 'proofs', proofs);
  counts.artwork_files = await insertRows(client, 'artwork_files', demoArtwork(ctx, o, quotes));
  counts.customer_activity_log = await insertRows(client, 'customer_activity_log', demoActivity(ctx, q, o, proofs));
  counts.notifications = await insertRows(client, 'notifications', demoNotifications(ctx, q, o, proofs));
}

/**
 * Fills the demo tenant (see demo-accounts.ts for its sign-ins) in one transaction. Does nothing
 * when the tenant already exists. Migrations must have run.
 */
export async function seedDemo(client: pg.ClientBase, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const ctx = demoContext(options.now ?? new Date());
  return inSeedTransaction(client, async () => {
    if (await isSeeded(client)) return { seeded: false, tenantId: ctx.tenantId, counts: {} };
    const counts: Record<string, number> = {};
    const full = await insertPeople(client, ctx, options.bcryptCost, counts);
    await withoutStatusTrigger(client, () => insertWork(client, full, counts));
    return { seeded: true, tenantId: ctx.tenantId, counts };
  });
}
