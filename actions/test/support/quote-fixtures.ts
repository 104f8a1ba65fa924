import type pg from 'pg';
import type { UserRole } from '@portal/common';
import { createUser, createWorld, type TestUser, type World } from './fixtures.ts';
import type { ActionResponse, Session, TestServer } from './test-server.ts';

/** The world of the quote tests: staff, each customer role in ALPHA, an approver in BRAVO, a catalogue. */
export interface QuoteWorld extends World {
  staff: TestUser;
  otherStaff: TestUser;
  alpha: { user: TestUser; approver: TestUser; admin: TestUser };
  bravo: { user: TestUser; approver: TestUser };
  products: { cards: string; flyers: string; retired: string; onRequest: string; otherTenant: string };
}

async function insertId(pool: pg.Pool, text: string, values: unknown[]): Promise<string> {
  return (await pool.query<{ id: string }>(text, values)).rows[0]!.id;
}

export function createProduct(pool: pg.Pool, tenantId: string, sku: string, unitPrice: string | null, active = true): Promise<string> {
  return insertId(
    pool,
    `insert into products (tenant_id, sku, name, category, unit_price, active) values ($1, $2, $3, 'Print', $4, $5) returning id`,
    [tenantId, sku, `Product ${sku}`, unitPrice, active],
  );
}

export async function createQuoteWorld(pool: pg.Pool, prefix = 'q'): Promise<QuoteWorld> {
  const world = await createWorld(pool);
  const user = (customerId: string | null, role: UserRole, name: string) =>
    createUser(pool, { tenantId: world.tenantId, customerId, role, email: `${prefix}-${name}@example.test` });
  return {
    ...world,
    staff: await user(null, 'staff', 'staff'),
    otherStaff: await createUser(pool, { tenantId: world.otherTenantId, customerId: null, role: 'staff', email: `${prefix}-staff@other.test` }),
    alpha: { user: await user(world.alphaId, 'customer_user', 'alpha-user'), approver: await user(world.alphaId, 'customer_approver', 'alpha-approver'), admin: await user(world.alphaId, 'customer_admin', 'alpha-admin') },
    bravo: { user: await user(world.bravoId, 'customer_user', 'bravo-user'), approver: await user(world.bravoId, 'customer_approver', 'bravo-approver') },
    products: {
      cards: await createProduct(pool, world.tenantId, 'BC-350', '39.00'),
      flyers: await createProduct(pool, world.tenantId, 'FLY-A5', '0.09'),
      retired: await createProduct(pool, world.tenantId, 'CAL-WALL', '7.60', false),
      onRequest: await createProduct(pool, world.tenantId, 'PKG-SLEEVE', null),
      otherTenant: await createProduct(pool, world.otherTenantId, 'BC-350', '1.00'),
    },
  };
}

/** The session variables Hasura forwards for this person acting as `role` (their own by default). */
export function sessionFor(user: TestUser, role: UserRole = user.role): Session {
  return {
    'x-hasura-role': role,
    'x-hasura-user-id': user.id,
    'x-hasura-tenant-id': user.tenantId,
    ...(user.customerId ? { 'x-hasura-customer-id': user.customerId } : {}),
  };
}

export interface DraftLine {
  productId?: string | null;
  description?: string;
  quantity: number;
  specifications?: Record<string, unknown>;
}

/** A DRAFT quote request as the customer's Hasura insert makes it. */
export async function createDraftQuote(pool: pg.Pool, requester: TestUser, lines: DraftLine[], extra: { neededBy?: string; po?: string } = {}): Promise<{ id: string; number: string; lineIds: string[] }> {
  const quote = await pool.query<{ id: string; quote_number: string }>(
    `insert into quotes (tenant_id, customer_id, title, requested_by, needed_by, customer_po_number)
     values ($1, $2, 'Test quote', $3, $4, $5) returning id, quote_number`,
    [requester.tenantId, requester.customerId, requester.id, extra.neededBy ?? null, extra.po ?? null],
  );
  const id = quote.rows[0]!.id;
  const lineIds: string[] = [];
  for (const [i, line] of lines.entries()) {
    lineIds.push(await insertId(
      pool,
      `insert into quote_lines (tenant_id, quote_id, line_number, product_id, description, quantity, specifications)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [requester.tenantId, id, i + 1, line.productId ?? null, line.description ?? `Line ${i + 1}`, line.quantity, line.specifications ?? {}],
    ));
  }
  return { id, number: quote.rows[0]!.quote_number, lineIds };
}

/** `YYYY-MM-DD`, `days` after the server clock's day (UTC). */
export function dayFrom(t: TestServer, days: number): string {
  return new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface PriceOptions {
  prices: string[];
  setupAmount?: string | null;
  taxAmount?: string | null;
  shippingAmount?: string | null;
  validUntil?: string;
  noteToCustomer?: string | null;
}

/** Calls staffPriceQuote as `staff` with one price per line, in line order. */
export function callPriceQuote(t: TestServer, staff: TestUser, quote: { id: string; lineIds: string[] }, options: PriceOptions): Promise<ActionResponse> {
  return t.call('staffPriceQuote', {
    quoteId: quote.id,
    lines: quote.lineIds.map((lineId, i) => ({ lineId, unitPrice: options.prices[i] })),
    setupAmount: options.setupAmount ?? null,
    taxAmount: options.taxAmount ?? null,
    shippingAmount: options.shippingAmount ?? null,
    validUntil: options.validUntil ?? dayFrom(t, 30),
    noteToCustomer: options.noteToCustomer ?? null,
  }, sessionFor(staff));
}

/** A PRICED quote of `requester`'s company at revision 1: 100 × 39.00 + 2000 × 0.09, no extras (total 4080.00 unless priced otherwise). */
export async function pricedQuote(t: TestServer, world: QuoteWorld, requester: TestUser, options: Partial<PriceOptions> = {}) {
  const quote = await createDraftQuote(t.db.pool, requester, [
    { productId: world.products.cards, description: 'Business cards', quantity: 100 },
    { productId: world.products.flyers, description: 'Flyers A5', quantity: 2000 },
  ]);
  const priced = await callPriceQuote(t, world.staff, quote, { prices: ['39.00', '0.09'], ...options });
  if (priced.status !== 200) throw new Error(`pricing failed: ${JSON.stringify(priced.body)}`);
  return { ...quote, revision: priced.body.revision as number };
}

export function approve(t: TestServer, who: TestUser, quoteId: string, revision: number, extra: Record<string, unknown> = {}, role: UserRole = who.role): Promise<ActionResponse> {
  return t.call('customerApproveQuote', { quoteId, revision, customerPoNumber: null, requestedDeliveryDate: null, ...extra }, sessionFor(who, role), { 'x-forwarded-user-agent': 'QuoteTest/1.0' });
}
