import { beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@portal/test-support';
import { insertCustomer, insertOrder, insertOrderLine, insertQuote, insertTenant, insertUser } from './fixtures.ts';

/** Expects a PostgreSQL error with this SQLSTATE and, when given, this constraint name. */
async function expectViolation(work: Promise<unknown>, code: string, constraint?: string): Promise<void> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught as { code?: string; constraint?: string },
  );
  expect(error, 'the statement should have been refused').not.toBeNull();
  expect(error!.code).toBe(code);
  if (constraint) expect(error!.constraint).toBe(constraint);
}

const FOREIGN_KEY = '23503';
const UNIQUE = '23505';
const CHECK = '23514';
const NOT_NULL = '23502';

let db: TestDatabase;
let tenantId: string;
let otherTenantId: string;
let customerId: string;
let orderId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantId = await insertTenant(db.pool);
  otherTenantId = await insertTenant(db.pool);
  customerId = await insertCustomer(db.pool, tenantId);
  orderId = (await insertOrder(db.pool, { tenantId, customerId })).id;
});

describe('foreign keys', () => {
  test('an order needs an existing customer', async () => {
    await expectViolation(
      insertOrder(db.pool, { tenantId, customerId: '00000000-0000-4000-8000-000000000000' }),
      FOREIGN_KEY,
    );
  });

  test("an order's customer must belong to the order's tenant", async () => {
    await expectViolation(
      insertOrder(db.pool, { tenantId: otherTenantId, customerId }),
      FOREIGN_KEY,
      'sales_orders_customer_in_tenant_fkey',
    );
  });

  test("a user's customer must belong to the user's tenant", async () => {
    await expectViolation(
      insertUser(db.pool, { tenantId: otherTenantId, customerId }),
      FOREIGN_KEY,
      'customer_users_customer_in_tenant_fkey',
    );
  });

  test('a status must be a value of its enum table', async () => {
    await expectViolation(insertOrder(db.pool, { tenantId, customerId, status: 'LOST' }), FOREIGN_KEY, 'sales_orders_status_fkey');
  });
});

describe('quantities and money', () => {
  test('an order line quantity must be positive', async () => {
    await expectViolation(insertOrderLine(db.pool, { tenantId, orderId, quantity: 0 }), CHECK, 'sales_order_lines_quantity_check');
  });

  test('a unit price cannot be negative', async () => {
    await expectViolation(
      insertOrderLine(db.pool, { tenantId, orderId, lineNumber: 2, unitPrice: '-0.01' }),
      CHECK,
      'sales_order_lines_unit_price_check',
    );
  });

  test('order amounts cannot be negative', async () => {
    await expectViolation(
      db.pool.query('update public.sales_orders set shipping_amount = -5 where id = $1', [orderId]),
      CHECK,
      'sales_orders_shipping_amount_check',
    );
  });

  test('line totals and order totals are computed, to the cent', async () => {
    const lineId = await insertOrderLine(db.pool, { tenantId, orderId, lineNumber: 3, quantity: 250, unitPrice: '0.35' });
    const line = await db.pool.query('select line_total from public.sales_order_lines where id = $1', [lineId]);
    expect(line.rows[0].line_total).toBe('87.50');
    await db.pool.query('update public.sales_orders set subtotal = 87.50, tax_amount = 7.00, shipping_amount = 12.25 where id = $1', [orderId]);
    const order = await db.pool.query('select total_amount from public.sales_orders where id = $1', [orderId]);
    expect(order.rows[0].total_amount).toBe('106.75');
  });

  test('a currency code is three capital letters', async () => {
    await expectViolation(
      db.pool.query("update public.sales_orders set currency_code = 'us$' where id = $1", [orderId]),
      CHECK,
      'sales_orders_currency_code_check',
    );
  });

  test('artwork larger than the 2 GiB sanity bound is refused (the upload limit itself is a setting)', async () => {
    await expectViolation(
      db.pool.query(
        `insert into public.artwork_files (tenant_id, customer_id, file_name, content_type, declared_size_bytes, storage_key)
         values ($1, $2, 'poster.pdf', 'application/pdf', 2147483649, 'k1')`,
        [tenantId, customerId],
      ),
      CHECK,
      'artwork_files_declared_size_bytes_check',
    );
  });
});

describe('uniqueness', () => {
  test('an email is unique per tenant, and may repeat across tenants', async () => {
    const otherCustomer = await insertCustomer(db.pool, otherTenantId);
    await insertUser(db.pool, { tenantId, customerId, email: 'pat@example.com' });
    await insertUser(db.pool, { tenantId: otherTenantId, customerId: otherCustomer, email: 'pat@example.com' });
    await expectViolation(
      insertUser(db.pool, { tenantId, customerId, email: 'pat@example.com' }),
      UNIQUE,
      'customer_users_tenant_email_key',
    );
  });

  test('emails are stored in lower case so uniqueness ignores case', async () => {
    await expectViolation(insertUser(db.pool, { tenantId, customerId, email: 'Pat@Example.com' }), CHECK, 'customer_users_email_check');
  });

  test('an order number is unique per tenant', async () => {
    const { orderNumber } = await insertOrder(db.pool, { tenantId, customerId });
    await expectViolation(insertOrder(db.pool, { tenantId, customerId, orderNumber }), UNIQUE, 'sales_orders_tenant_number_key');
  });

  test('a quote becomes at most one order', async () => {
    const quoteId = await insertQuote(db.pool, { tenantId, customerId });
    await db.pool.query('insert into public.sales_orders (tenant_id, customer_id, quote_id) values ($1, $2, $3)', [tenantId, customerId, quoteId]);
    await expectViolation(
      db.pool.query('insert into public.sales_orders (tenant_id, customer_id, quote_id) values ($1, $2, $3)', [tenantId, customerId, quoteId]),
      UNIQUE,
      'sales_orders_quote_id_key',
    );
  });

  test('a proof version is unique per order line', async () => {
    const lineId = await insertOrderLine(db.pool, { tenantId, orderId, lineNumber: 9 });
    const insertProof = () =>
      db.pool.query(
        `insert into public.proofs (tenant_id, customer_id, order_id, order_line_id, version, storage_key, file_name)
         values ($1, $2, $3, $4, 1, 'proofs/p1.pdf', 'p1.pdf')`,
        [tenantId, customerId, orderId, lineId],
      );
    await insertProof();
    await expectViolation(insertProof(), UNIQUE, 'proofs_order_line_version_key');
  });
});

describe('state rules', () => {
  test('staff users have no customer and customer users have one', async () => {
    await expectViolation(insertUser(db.pool, { tenantId, customerId, role: 'staff' }), CHECK, 'customer_users_staff_has_no_customer');
    await expectViolation(insertUser(db.pool, { tenantId, customerId: null }), CHECK, 'customer_users_staff_has_no_customer');
  });

  test('a priced quote needs a price, a time and a validity date', async () => {
    const quoteId = await insertQuote(db.pool, { tenantId, customerId });
    await expectViolation(
      db.pool.query("update public.quotes set status = 'PRICED' where id = $1", [quoteId]),
      CHECK,
      'quotes_priced_has_price',
    );
  });

  test('a converted quote must point to its order', async () => {
    const quoteId = await insertQuote(db.pool, { tenantId, customerId });
    await expectViolation(
      db.pool.query(
        "update public.quotes set status = 'CONVERTED', subtotal = 10, priced_at = now(), valid_until = current_date, decided_at = now() where id = $1",
        [quoteId],
      ),
      CHECK,
      'quotes_converted_has_order',
    );
  });

  test('a revision request needs a comment', async () => {
    const lineId = await insertOrderLine(db.pool, { tenantId, orderId, lineNumber: 10 });
    const userId = await insertUser(db.pool, { tenantId, customerId, role: 'customer_approver' });
    await expectViolation(
      db.pool.query(
        `insert into public.proofs (tenant_id, customer_id, order_id, order_line_id, version, status, storage_key, file_name, decision_by, decided_at)
         values ($1, $2, $3, $4, 1, 'REVISION_REQUESTED', 'proofs/p.pdf', 'p.pdf', $5, now())`,
        [tenantId, customerId, orderId, lineId, userId],
      ),
      CHECK,
      'proofs_decision_has_comment',
    );
  });

  test('required columns are required', async () => {
    await expectViolation(
      db.pool.query('insert into public.customers (tenant_id, customer_code) values ($1, $2)', [tenantId, 'NONAME']),
      NOT_NULL,
    );
  });
});
