import { beforeAll, describe, expect, test } from 'vitest';
import { demoEngine, type EngineFixture } from './engine-fixture.ts';

let engine: EngineFixture;
const sessions: Record<string, Record<string, string>> = {};

async function sessionOf(email: string, role: string): Promise<Record<string, string>> {
  const result = await engine.db.pool.query('select id, customer_id, tenant_id from public.customer_users where email = $1', [email]);
  const user = result.rows[0];
  return {
    'x-hasura-role': role,
    'x-hasura-user-id': user.id,
    'x-hasura-tenant-id': user.tenant_id,
    ...(user.customer_id ? { 'x-hasura-customer-id': user.customer_id } : {}),
  };
}

beforeAll(async () => {
  engine = await demoEngine();
  sessions.user = await sessionOf('user@bluepeak.example', 'customer_user');
  sessions.admin = await sessionOf('admin@bluepeak.example', 'customer_admin');
  sessions.staff = await sessionOf('staff@demo-printer.example', 'staff');
  sessions.otherUser = await sessionOf('user@meridian.example', 'customer_user');
  sessions.approver = await sessionOf('approver@bluepeak.example', 'customer_approver');
  sessions.otherAdmin = await sessionOf('admin@meridian.example', 'customer_admin');
});

const UPDATE_PROFILE = `mutation ($id: uuid!, $name: String!) { update_customer_users_by_pk(pk_columns: {id: $id}, _set: {first_name: $name}) { id first_name } }`;

describe('customer users change exactly what they may', () => {
  test('a user updates their own profile', async () => {
    const id = sessions.user!['x-hasura-user-id'];
    const result = await engine.query(UPDATE_PROFILE, sessions.user, { id, name: 'Lena-Marie' });
    expect(result).toEqual({ data: { update_customer_users_by_pk: { id, first_name: 'Lena-Marie' } } });
  });

  test("a user cannot update a colleague's profile, nor anyone's in another company", async () => {
    for (const other of [sessions.admin!, sessions.otherUser!]) {
      const result = await engine.query(UPDATE_PROFILE, sessions.user, { id: other['x-hasura-user-id'], name: 'Mallory' });
      expect(result).toEqual({ data: { update_customer_users_by_pk: null } });
    }
    const names = await engine.db.pool.query("select count(*)::int as n from public.customer_users where first_name = 'Mallory'");
    expect(names.rows[0].n).toBe(0);
  });

  test('a user cannot change their own role: the column is not in their update input', async () => {
    const result = await engine.query(`mutation { update_customer_users(where: {}, _set: {role: "customer_admin"}) { affected_rows } }`, sessions.user);
    expect(result.errors[0].extensions.code).toBe('validation-failed');
  });

  test("a company admin cannot rewrite a colleague's role or personal data directly (probe findings 4 and 5)", async () => {
    const colleague = sessions.user!['x-hasura-user-id'];
    const role = await engine.query(`mutation ($id: uuid!) { update_customer_users(where: {id: {_eq: $id}}, _set: {role: staff}) { affected_rows } }`, sessions.admin, { id: colleague });
    expect(role.errors[0]).toMatchObject({ extensions: { code: 'validation-failed' } });
    expect(JSON.stringify(role)).not.toMatch(/constraint|violates/);
    const names = await engine.query(`mutation ($id: uuid!) { update_customer_users(where: {id: {_eq: $id}}, _set: {first_name: "Mallory", phone: "+1 555 0100"}) { affected_rows } }`, sessions.admin, { id: colleague });
    expect(names).toEqual({ data: { update_customer_users: { affected_rows: 0 } } });
    const own = await engine.query(`mutation ($id: uuid!) { update_customer_users(where: {id: {_eq: $id}}, _set: {job_title: "Buyer"}) { affected_rows } }`, sessions.admin, { id: sessions.admin!['x-hasura-user-id'] });
    expect(own.data.update_customer_users.affected_rows).toBe(1);
  });

  test('a customer role has no delete mutations at all', async () => {
    const result = await engine.query('mutation { delete_sales_orders(where: {}) { affected_rows } }', sessions.admin);
    expect(result.errors[0]).toMatchObject({ extensions: { code: 'validation-failed' }, message: "field 'delete_sales_orders' not found in type: 'mutation_root'" });
  });
});

describe('quote requests', () => {
  test('a user requests a quote with lines; company, tenant and requester come from the session', async () => {
    const result = await engine.query(
      `mutation { insert_quotes_one(object: {title: "Autumn menus", lines: {data: [{line_number: 1, description: "Menu cards, A4", quantity: 200}]}}) { status customer_id requested_by lines { description quantity } } }`,
      sessions.user,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.insert_quotes_one).toEqual({
      status: 'DRAFT',
      customer_id: sessions.user!['x-hasura-customer-id'],
      requested_by: sessions.user!['x-hasura-user-id'],
      lines: [{ description: 'Menu cards, A4', quantity: 200 }],
    });
  });

  test('a request carries its needed-by date and PO reference; status and prices are not the customer’s to set', async () => {
    const result = await engine.query(
      `mutation { insert_quotes_one(object: {title: "Loyalty cards", needed_by: "2099-01-31", customer_po_number: "BP-PO-1", lines: {data: [{line_number: 1, description: "Stamp cards", quantity: 500, specifications: {notes: "kraft"}}]}}) { status revision needed_by customer_po_number total_amount } }`,
      sessions.user,
    );
    expect(result).toEqual({ data: { insert_quotes_one: { status: 'DRAFT', revision: 0, needed_by: '2099-01-31', customer_po_number: 'BP-PO-1', total_amount: null } } });
    for (const column of ['status: PRICED', 'revision: 3', 'subtotal: 1', 'note_to_customer: "x"']) {
      const forged = await engine.query(`mutation { insert_quotes_one(object: {title: "Forged", ${column}}) { id } }`, sessions.user);
      expect(forged.errors[0].extensions.code, column).toBe('validation-failed');
    }
  });

  test("adding a line to another company's quote fails the insert check and writes nothing", async () => {
    const quote = await engine.db.pool.query("select q.id from public.quotes q join public.customers c on c.id = q.customer_id where c.customer_code = 'MERIDIAN' limit 1");
    const before = await engine.db.pool.query('select count(*)::int as n from public.quote_lines');
    const result = await engine.query(
      `mutation ($quote: uuid!) { a: insert_quotes_one(object: {title: "Decoy"}) { id } b: insert_quote_lines(objects: [{quote_id: $quote, line_number: 99, description: "Sneaky", quantity: 1}]) { affected_rows } }`,
      sessions.user,
      { quote: quote.rows[0].id },
    );
    expect(result.errors[0]).toMatchObject({ message: 'check constraint of an insert permission has failed', extensions: { code: 'permission-error' } });
    const after = await engine.db.pool.query('select count(*)::int as n from public.quote_lines');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const decoys = await engine.db.pool.query("select count(*)::int as n from public.quotes where title = 'Decoy'");
    expect(decoys.rows[0].n).toBe(0);
  });
});

describe('approval limit', () => {
  const SET = 'mutation ($id: uuid!, $limit: numeric) { update_customers_by_pk(pk_columns: {id: $id}, _set: {approval_limit: $limit}) { approval_limit } }';

  test("a company admin sets its own company's limit, audited by the database; not another company's", async () => {
    const own = sessions.admin!['x-hasura-customer-id'];
    expect(await engine.query(SET, sessions.admin, { id: own, limit: '7500.00' })).toEqual({ data: { update_customers_by_pk: { approval_limit: 7500 } } });
    const log = await engine.db.pool.query("select user_id, actor_role, details from public.customer_activity_log where action = 'customer.approval_limit_changed' and entity_id = $1", [own]);
    expect(log.rows).toEqual([{ user_id: sessions.admin!['x-hasura-user-id'], actor_role: 'customer_admin', details: { from: 5000, to: 7500 } }]);
    const theirs = sessions.otherAdmin!['x-hasura-customer-id'];
    expect(await engine.query(SET, sessions.admin, { id: theirs, limit: '1.00' })).toEqual({ data: { update_customers_by_pk: null } });
  });

  test('nothing else of the company, and nobody but its admin', async () => {
    const own = sessions.admin!['x-hasura-customer-id'];
    const other = await engine.query('mutation ($id: uuid!) { update_customers_by_pk(pk_columns: {id: $id}, _set: {credit_limit: 1}) { id } }', sessions.admin, { id: own });
    expect(other.errors[0].extensions.code).toBe('validation-failed');
    for (const role of ['user', 'approver', 'staff']) {
      const result = await engine.query(SET, sessions[role], { id: own, limit: null });
      expect(result.errors[0], role).toMatchObject({ extensions: { code: 'validation-failed' }, message: "field 'update_customers_by_pk' not found in type: 'mutation_root'" });
    }
  });

  test('every customer role reads it', async () => {
    for (const role of ['user', 'approver', 'admin']) {
      const result = await engine.query('{ customers { approval_limit } }', sessions[role]);
      expect(result.errors, role).toBeUndefined();
      expect(result.data.customers, role).toHaveLength(1);
    }
  });
});

describe('staff', () => {
  test('price quotes only through staffPriceQuote: status, prices and revision are not in their update', async () => {
    const quote = await engine.db.pool.query("select id from public.quotes where status = 'DRAFT' limit 1");
    for (const set of ['status: PRICED', 'subtotal: 1', 'valid_until: "2099-01-01"', 'revision: 1']) {
      const result = await engine.query(`mutation ($id: uuid!) { update_quotes_by_pk(pk_columns: {id: $id}, _set: {${set}}) { id } }`, sessions.staff, { id: quote.rows[0].id });
      expect(result.errors[0].extensions.code, set).toBe('validation-failed');
    }
    const lines = await engine.query('mutation { update_quote_lines(where: {}, _set: {unit_price: 1}) { affected_rows } }', sessions.staff);
    expect(lines.errors[0].extensions.code).toBe('validation-failed');
    const notes = await engine.query('mutation ($id: uuid!) { update_quotes_by_pk(pk_columns: {id: $id}, _set: {internal_notes: "Call first"}) { internal_notes } }', sessions.staff, { id: quote.rows[0].id });
    expect(notes).toEqual({ data: { update_quotes_by_pk: { internal_notes: 'Call first' } } });
  });

  test('move an order: status, carrier, tracking, shipped and delivered times, requested delivery date', async () => {
    const order = await engine.db.pool.query("select id from public.sales_orders where status = 'IN_PRODUCTION' limit 1");
    const result = await engine.query(
      `mutation ($id: uuid!) { update_sales_orders_by_pk(pk_columns: {id: $id}, _set: {status: SHIPPED, carrier: "FedEx", tracking_number: "7712 3456", shipped_at: "2026-03-02T10:00:00Z", requested_delivery_date: "2026-03-06"}) { status carrier tracking_number requested_delivery_date } }`,
      sessions.staff,
      { id: order.rows[0].id },
    );
    expect(result).toEqual({ data: { update_sales_orders_by_pk: { status: 'SHIPPED', carrier: 'FedEx', tracking_number: '7712 3456', requested_delivery_date: '2026-03-06' } } });
    const delivered = await engine.query('mutation ($id: uuid!) { update_sales_orders_by_pk(pk_columns: {id: $id}, _set: {status: DELIVERED, delivered_at: "2026-03-05T15:00:00Z"}) { status } }', sessions.staff, { id: order.rows[0].id });
    expect(delivered.data.update_sales_orders_by_pk).toEqual({ status: 'DELIVERED' });
    const amounts = await engine.query('mutation ($id: uuid!) { update_sales_orders_by_pk(pk_columns: {id: $id}, _set: {subtotal: 1}) { id } }', sessions.staff, { id: order.rows[0].id });
    expect(amounts.errors[0].extensions.code).toBe('validation-failed');
  });

  test('moving an order records who did it in the status history', async () => {
    const order = await engine.db.pool.query("select id from public.sales_orders where status = 'CONFIRMED' limit 1");
    const result = await engine.query(
      `mutation ($id: uuid!) { update_sales_orders_by_pk(pk_columns: {id: $id}, _set: {status: IN_PRODUCTION}) { status status_events(order_by: {event_number: desc}, limit: 1) { from_status to_status changed_by_user_id changed_by_role } } }`,
      sessions.staff,
      { id: order.rows[0].id },
    );
    expect(result.data.update_sales_orders_by_pk).toEqual({
      status: 'IN_PRODUCTION',
      status_events: [{ from_status: 'CONFIRMED', to_status: 'IN_PRODUCTION', changed_by_user_id: sessions.staff!['x-hasura-user-id'], changed_by_role: 'staff' }],
    });
  });

  test('a duplicate SKU is a constraint violation in Hasura\'s words', async () => {
    const sku = await engine.db.pool.query('select sku from public.products limit 1');
    const result = await engine.query(`mutation ($sku: String!) { insert_products_one(object: {sku: $sku, name: "Copy", category: "Cards"}) { id } }`, sessions.staff, { sku: sku.rows[0].sku });
    expect(result.errors[0].extensions.code).toBe('constraint-violation');
    expect(result.errors[0].message).toMatch(/^Uniqueness violation\. duplicate key value violates unique constraint "products_tenant_sku_key"/);
  });
});
