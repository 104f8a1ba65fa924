/**
 * The filters the portal runs most, as plain SQL with the parameters they take. The index test
 * EXPLAINs each one; `npm run bench` times them. Keep this list in step with the screens.
 */
export interface PortalQuery {
  name: string;
  sql: string;
  /** Parameter kinds, filled with real ids by the bench and with placeholders by the index test. */
  params: Array<
    | 'customerId' | 'tenantId' | 'orderId' | 'quoteId' | 'proofId' | 'status' | 'email' | 'poNumber' | 'orderNumber' | 'eventNumber'
    | 'quoteStatus' | 'quoteSearch' | 'productSearch' | 'category' | 'today' | 'webhookEndpointId'
  >;
  /** The index the plan must use (or one of several that serve it equally well). */
  index: string | string[];
}

/**
 * Case-insensitive substring search (`_ilike '%…%'`) that no btree can serve: the index test checks
 * the trigram index serves each predicate on its own, whatever the planner picks for a tenant.
 */
export const SUBSTRING_SEARCHES: Array<{ name: string; sql: string; index: string }> = [
  { name: 'product name', sql: 'select id from public.products where name ilike $1', index: 'products_name_trgm_idx' },
  { name: 'product SKU', sql: 'select id from public.products where sku ilike $1', index: 'products_sku_trgm_idx' },
  { name: 'quote title', sql: 'select id from public.quotes where title ilike $1', index: 'quotes_title_trgm_idx' },
  { name: 'quote number', sql: 'select id from public.quotes where quote_number ilike $1', index: 'quotes_quote_number_trgm_idx' },
];

export const PORTAL_QUERIES: PortalQuery[] = [
  {
    name: 'customer orders, newest first',
    sql: 'select id, order_number, status, placed_at, total_amount from public.sales_orders where customer_id = $1 order by placed_at desc limit 20',
    params: ['customerId'],
    index: 'sales_orders_customer_placed_idx',
  },
  {
    name: 'customer orders by status',
    sql: 'select id, order_number, placed_at from public.sales_orders where customer_id = $1 and status = $2 order by placed_at desc limit 20',
    params: ['customerId', 'status'],
    index: 'sales_orders_customer_status_idx',
  },
  {
    name: 'dashboard: open orders count',
    sql: "select count(*) from public.sales_orders where customer_id = $1 and status = any(array['CONFIRMED','IN_PRODUCTION','SHIPPED','ON_HOLD'])",
    params: ['customerId'],
    index: 'sales_orders_customer_status_idx',
  },
  {
    name: 'dashboard: quotes awaiting approval',
    sql: "select count(*) from public.quotes where customer_id = $1 and status = 'PRICED'",
    params: ['customerId'],
    index: 'quotes_customer_status_idx',
  },
  {
    name: 'dashboard: proofs awaiting review (current versions)',
    sql: "select count(*) from public.proofs where customer_id = $1 and status = 'PENDING_REVIEW' and superseded_at is null",
    params: ['customerId'],
    index: ['proofs_customer_current_idx', 'proofs_customer_status_idx'],
  },
  {
    name: 'proofs to review, newest first',
    sql: `select id, version, published_at from public.proofs
           where customer_id = $1 and status = 'PENDING_REVIEW' and superseded_at is null order by published_at desc limit 50`,
    params: ['customerId'],
    index: 'proofs_customer_current_idx',
  },
  {
    name: 'proofs of an order',
    sql: 'select id, order_line_id, version, status from public.proofs where order_id = $1 order by version desc',
    params: ['orderId'],
    index: 'proofs_order_id_idx',
  },
  {
    name: 'proof viewer: comments of a version',
    sql: 'select id, body, page, x, y from public.proof_comments where proof_id = $1 order by created_at',
    params: ['proofId'],
    index: 'proof_comments_proof_created_idx',
  },
  {
    name: 'proof viewer: trail of a version',
    sql: 'select id, kind, created_at from public.proof_events where proof_id = $1 order by id',
    params: ['proofId'],
    index: 'proof_events_proof_idx',
  },
  {
    name: 'staff: a line\'s proof files',
    sql: "select id, status from public.artwork_files where order_line_id = $1 and purpose = 'PROOF' order by created_at desc",
    params: ['orderId'],
    index: 'artwork_files_proof_line_idx',
  },
  {
    name: 'order by PO number',
    sql: 'select id from public.sales_orders where customer_id = $1 and customer_po_number = $2',
    params: ['customerId', 'poNumber'],
    index: 'sales_orders_customer_po_idx',
  },
  {
    name: 'order by order number',
    sql: 'select id from public.sales_orders where tenant_id = $1 and order_number = $2',
    params: ['tenantId', 'orderNumber'],
    index: 'sales_orders_tenant_number_key',
  },
  {
    name: 'order lines',
    sql: 'select * from public.sales_order_lines where order_id = $1 order by line_number',
    params: ['orderId'],
    index: ['sales_order_lines_order_line_number_key', 'sales_order_lines_order_id_id_key'],
  },
  {
    name: 'order timeline',
    sql: 'select from_status, to_status, created_at from public.order_status_events where order_id = $1 order by created_at',
    params: ['orderId'],
    index: 'order_status_events_order_idx',
  },
  {
    name: 'quote lines',
    sql: 'select * from public.quote_lines where quote_id = $1 order by line_number',
    params: ['quoteId'],
    index: 'quote_lines_quote_line_number_key',
  },
  {
    name: 'staff: tenant orders by status',
    sql: 'select id, order_number from public.sales_orders where tenant_id = $1 and status = $2 order by placed_at desc limit 50',
    params: ['tenantId', 'status'],
    index: 'sales_orders_tenant_status_idx',
  },
  {
    name: 'staff: tenant orders, newest first',
    sql: 'select id, order_number, status, placed_at, total_amount from public.sales_orders where tenant_id = $1 order by placed_at desc limit 20',
    params: ['tenantId'],
    index: 'sales_orders_tenant_placed_idx',
  },
  {
    name: 'staff: orders of one customer',
    sql: 'select id, order_number, placed_at from public.sales_orders where tenant_id = $1 and customer_id = $2 order by placed_at desc limit 20',
    params: ['tenantId', 'customerId'],
    // With a handful of customers in the tenant, walking the tenant's newest-first index serves as well.
    index: ['sales_orders_customer_placed_idx', 'sales_orders_tenant_placed_idx'],
  },
  {
    name: 'staff: orders of one customer by status',
    sql: 'select id, order_number, placed_at from public.sales_orders where tenant_id = $1 and customer_id = $2 and status = $3 order by placed_at desc limit 20',
    params: ['tenantId', 'customerId', 'status'],
    index: 'sales_orders_customer_status_idx',
  },
  {
    name: 'staff: order by PO number across the tenant',
    sql: 'select id from public.sales_orders where tenant_id = $1 and customer_po_number = $2',
    params: ['tenantId', 'poNumber'],
    index: 'sales_orders_tenant_po_idx',
  },
  {
    name: 'staff: order or PO number search',
    sql: 'select id from public.sales_orders where tenant_id = $1 and (order_number = $2 or customer_po_number = $3)',
    params: ['tenantId', 'orderNumber', 'poNumber'],
    // A bitmap OR of the two; the plan names either first.
    index: ['sales_orders_tenant_number_key', 'sales_orders_tenant_po_idx'],
  },
  {
    name: 'staff dashboard: orders of one status',
    sql: 'select count(*) from public.sales_orders where tenant_id = $1 and status = $2',
    params: ['tenantId', 'status'],
    index: 'sales_orders_tenant_status_idx',
  },
  {
    name: 'staff dashboard: quotes to price',
    sql: "select count(*) from public.quotes where tenant_id = $1 and status = any(array['DRAFT'])",
    params: ['tenantId'],
    index: 'quotes_tenant_status_idx',
  },
  {
    name: 'staff: pricing queue, oldest first',
    sql: "select id, quote_number, requested_at from public.quotes where tenant_id = $1 and status = 'DRAFT' order by requested_at, id limit 50",
    params: ['tenantId'],
    index: 'quotes_tenant_status_idx',
  },
  {
    name: 'staff: customers of the tenant',
    sql: 'select id, customer_code, name from public.customers where tenant_id = $1 order by customer_code',
    params: ['tenantId'],
    index: 'customers_tenant_code_key',
  },
  {
    name: 'integrator: status events after a cursor',
    sql: 'select * from public.order_status_events where tenant_id = $1 and event_number > $2 order by event_number limit 100',
    params: ['tenantId', 'eventNumber'],
    // With one tenant in the database the global cursor index serves as well.
    index: ['order_status_events_tenant_idx', 'order_status_events_event_number_key'],
  },
  {
    name: 'sign-in: user by email',
    sql: 'select id, password_hash from public.customer_users where tenant_id = $1 and email = $2',
    params: ['tenantId', 'email'],
    index: 'customer_users_tenant_email_key',
  },
  {
    name: 'people page: who waits for approval',
    sql: "select id from public.customer_users where customer_id = $1 and approval_status = 'PENDING'",
    params: ['customerId'],
    index: 'customer_users_customer_approval_idx',
  },
  {
    name: 'company page: verified email domains',
    sql: 'select id, domain from public.customer_email_domains where customer_id = $1 order by domain',
    params: ['customerId'],
    index: 'customer_email_domains_customer_idx',
  },
  {
    name: 'activity log of a customer, one area',
    sql: "select * from public.customer_activity_log where customer_id = $1 and action like 'auth.%' and action <> 'auth.session_refreshed' order by created_at desc limit 50",
    params: ['customerId'],
    index: 'customer_activity_log_customer_created_idx',
  },
  {
    name: 'activity log of a customer',
    sql: 'select * from public.customer_activity_log where customer_id = $1 order by created_at desc limit 50',
    params: ['customerId'],
    index: 'customer_activity_log_customer_created_idx',
  },
  {
    name: 'artwork of a customer',
    sql: 'select * from public.artwork_files where customer_id = $1 order by created_at desc limit 50',
    params: ['customerId'],
    index: 'artwork_files_customer_created_idx',
  },
  {
    name: 'artwork of an order (order and staff order pages)',
    sql: 'select * from public.artwork_files where order_id = $1 order by created_at desc',
    params: ['orderId'],
    index: 'artwork_files_order_id_idx',
  },
  {
    name: 'artwork of a quote (quote page)',
    sql: 'select * from public.artwork_files where quote_id = $1 order by created_at desc',
    params: ['quoteId'],
    index: 'artwork_files_quote_id_idx',
  },
  {
    name: 'staff: tenant artwork, newest first',
    sql: 'select * from public.artwork_files where tenant_id = $1 order by created_at desc limit 50',
    params: ['tenantId'],
    index: 'artwork_files_tenant_created_idx',
  },
  {
    name: 'customer quotes by status',
    sql: 'select id, quote_number, status, total_amount from public.quotes where customer_id = $1 and status = $2 order by requested_at desc limit 20',
    params: ['customerId', 'quoteStatus'],
    index: 'quotes_customer_status_idx',
  },
  {
    name: 'customer quotes, searched by title or number',
    sql: 'select id, quote_number, title from public.quotes where customer_id = $1 and (title ilike $2 or quote_number ilike $2) order by requested_at desc limit 20',
    params: ['customerId', 'quoteSearch'],
    // One company's quotes are few: its own index, filtered, beats the tenant-wide trigram indexes.
    index: ['quotes_customer_requested_idx', 'quotes_customer_status_idx'],
  },
  {
    name: 'staff: quote queue (requests and change requests, oldest first)',
    sql: "select id, quote_number, status, requested_at from public.quotes where tenant_id = $1 and status = any(array['DRAFT','CHANGES_REQUESTED']) order by requested_at limit 50",
    params: ['tenantId'],
    index: 'quotes_tenant_status_idx',
  },
  {
    name: 'staff: quotes searched by title or number',
    sql: 'select id, quote_number, title from public.quotes where tenant_id = $1 and (title ilike $2 or quote_number ilike $2) order by requested_at desc limit 50',
    params: ['tenantId', 'quoteSearch'],
    // The trigram indexes serve `_ilike '%…%'`; while a tenant has few quotes (and PostgreSQL
    // prices GIN scans high) its btree, filtered, is cheaper. The test below checks both serve.
    index: ['quotes_title_trgm_idx', 'quotes_quote_number_trgm_idx', 'quotes_tenant_number_key', 'quotes_tenant_status_idx'],
  },
  {
    name: 'catalogue: products searched by name or SKU',
    sql: 'select id, sku, name, unit_price from public.products where tenant_id = $1 and active and (name ilike $2 or sku ilike $2) order by name limit 20',
    params: ['tenantId', 'productSearch'],
    // As for quotes: a catalogue of a few hundred products is read fastest through its tenant's
    // btree; the trigram indexes take over as it grows.
    index: ['products_name_trgm_idx', 'products_sku_trgm_idx', 'products_tenant_category_idx', 'products_tenant_sku_key'],
  },
  {
    name: 'catalogue: active products of a category',
    sql: 'select id, sku, name, unit_price from public.products where tenant_id = $1 and active and category = $2 order by name',
    params: ['tenantId', 'category'],
    index: 'products_tenant_category_idx',
  },
  {
    name: 'quote revisions',
    sql: 'select revision, total_amount, lines from public.quote_revisions where quote_id = $1 order by revision',
    params: ['quoteId'],
    index: 'quote_revisions_quote_revision_key',
  },
  {
    name: 'acceptance of an order',
    sql: 'select accepted_by, accepted_at, revision, content_hash from public.quote_acceptances where order_id = $1',
    params: ['orderId'],
    index: 'quote_acceptances_order_id_key',
  },
  {
    name: 'expiry job: priced quotes past their date',
    sql: "select id from public.quotes where status = 'PRICED' and valid_until < $1::date",
    params: ['today'],
    // PostgreSQL 18 can skip-scan the tenants' status index while tenants are few; 16 (the compose
    // image) cannot, and reads the date index.
    index: ['quotes_valid_until_status_idx', 'quotes_tenant_status_idx'],
  },
  {
    name: 'integrations: the company\'s API keys, newest first',
    sql: 'select id, name, key_prefix, active, last_used_at, created_at from public.integrator_clients where customer_id = $1 order by created_at desc limit 50',
    params: ['customerId'],
    index: 'integrator_clients_customer_created_idx',
  },
  {
    name: 'integrations: the company\'s webhook endpoints, newest first',
    sql: 'select id, url, description, active from public.webhook_endpoints where customer_id = $1 order by created_at desc limit 20',
    params: ['customerId'],
    index: 'webhook_endpoints_customer_created_idx',
  },
  {
    name: 'integrations: an endpoint\'s recent deliveries',
    sql: 'select id, status, attempt_count, last_response_code, created_at from public.webhook_deliveries where endpoint_id = $1 and customer_id = $2 order by created_at desc limit 10',
    params: ['webhookEndpointId', 'customerId'],
    // The seed has no deliveries, so the planner may read the company's log index instead: both
    // serve the newest-first order; with rows, the endpoint's is the narrower.
    index: ['webhook_deliveries_endpoint_created_idx', 'webhook_deliveries_customer_created_idx'],
  },
  {
    name: 'webhook fan-out: active endpoints of a company',
    sql: 'select id from public.webhook_endpoints where customer_id = $1 and tenant_id = $2 and active',
    params: ['customerId', 'tenantId'],
    // No endpoints in the seed: any of the company's or tenant's indexes narrows it equally there.
    index: ['webhook_endpoints_customer_active_idx', 'webhook_endpoints_customer_created_idx', 'webhook_endpoints_tenant_idx'],
  },
  {
    name: 'webhook sender: due deliveries, oldest due first',
    sql: "select id from public.webhook_deliveries where status = 'PENDING' and next_attempt_at <= $1::timestamptz order by next_attempt_at limit 25",
    params: ['today'],
    index: 'webhook_deliveries_due_idx',
  },
];
