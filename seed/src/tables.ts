/**
 * Column lists of the tables the seed fills, with their SQL types. A type ending in `?` is
 * nullable. Row types are derived from these lists, so a row object and the insert statement
 * cannot disagree.
 */
type SqlType = 'uuid' | 'text' | 'integer' | 'numeric' | 'timestamptz' | 'date' | 'jsonb' | 'boolean' | 'inet';
type ColumnType = SqlType | `${SqlType}?`;
export type ColumnTypes = Readonly<Record<string, ColumnType>>;

interface TsTypes {
  uuid: string;
  text: string;
  integer: number;
  numeric: string;
  timestamptz: Date;
  date: string;
  jsonb: object;
  boolean: boolean;
  inet: string;
}
type TsOf<T extends ColumnType> = T extends `${infer Base extends SqlType}?` ? TsTypes[Base] | null : TsTypes[T & SqlType];
export type RowOf<C extends ColumnTypes> = { -readonly [K in keyof C]: TsOf<C[K]> };

const created = { created_at: 'timestamptz' } as const;
const stamps = { created_at: 'timestamptz', updated_at: 'timestamptz' } as const;

export const TABLES = {
  tenants: { id: 'uuid', slug: 'text', name: 'text', default_currency_code: 'text', support_email: 'text?', ...created },
  customers: {
    id: 'uuid', tenant_id: 'uuid', customer_code: 'text', name: 'text', billing_email: 'text?', phone: 'text?',
    currency_code: 'text', credit_limit: 'numeric?', approval_limit: 'numeric?', active: 'boolean', internal_notes: 'text?', ...stamps,
  },
  customer_users: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid?', role: 'text', email: 'text', email_verified_at: 'timestamptz?',
    password_hash: 'text', first_name: 'text', last_name: 'text', phone: 'text?', job_title: 'text?',
    preferred_language: 'text', timezone: 'text', last_login_at: 'timestamptz?', password_changed_at: 'timestamptz',
    active: 'boolean', ...stamps,
  },
  integrator_clients: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid?', name: 'text', key_prefix: 'text', key_hash: 'text',
    active: 'boolean', last_used_at: 'timestamptz?', ...stamps,
  },
  products: {
    id: 'uuid', tenant_id: 'uuid', sku: 'text', name: 'text', description: 'text', category: 'text', unit: 'text',
    unit_price: 'numeric?', currency_code: 'text', min_quantity: 'integer', lead_time_days: 'integer',
    active: 'boolean', ...stamps,
  },
  quotes: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', quote_number: 'text?', status: 'text', title: 'text',
    customer_notes: 'text', internal_notes: 'text?', currency_code: 'text', subtotal: 'numeric?',
    requested_by: 'uuid?', requested_at: 'timestamptz', priced_by: 'uuid?', priced_at: 'timestamptz?',
    valid_until: 'date?', decided_by: 'uuid?', decided_at: 'timestamptz?', rejection_reason: 'text?',
    converted_order_id: 'uuid?', revision: 'integer', setup_amount: 'numeric', tax_amount: 'numeric',
    shipping_amount: 'numeric', note_to_customer: 'text?', needed_by: 'date?', customer_po_number: 'text?',
    change_request_notes: 'text?', changes_requested_by: 'uuid?', changes_requested_at: 'timestamptz?', ...stamps,
  },
  quote_lines: {
    id: 'uuid', tenant_id: 'uuid', quote_id: 'uuid', line_number: 'integer', product_id: 'uuid?', description: 'text',
    specifications: 'jsonb', quantity: 'integer', unit_price: 'numeric?', ...stamps,
  },
  quote_revisions: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', quote_id: 'uuid', revision: 'integer', priced_at: 'timestamptz',
    priced_by: 'uuid?', valid_until: 'date', currency_code: 'text', subtotal: 'numeric', setup_amount: 'numeric',
    tax_amount: 'numeric', shipping_amount: 'numeric', note_to_customer: 'text?', lines: 'jsonb', content_hash: 'text', ...created,
  },
  quote_acceptances: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', quote_id: 'uuid', order_id: 'uuid', revision: 'integer',
    accepted_by: 'uuid', accepted_role: 'text', accepted_at: 'timestamptz', ip: 'inet?', user_agent: 'text?',
    mfa_used: 'boolean', content_hash: 'text', customer_po_number: 'text?', ...created,
  },
  sales_orders: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', order_number: 'text?', status: 'text',
    reorder_of_id: 'uuid?', placed_by: 'uuid?', placed_at: 'timestamptz', customer_po_number: 'text?',
    currency_code: 'text', subtotal: 'numeric', setup_amount: 'numeric', tax_amount: 'numeric', shipping_amount: 'numeric',
    requested_delivery_date: 'date?', shipping_address: 'jsonb', carrier: 'text?', tracking_number: 'text?',
    shipped_at: 'timestamptz?', delivered_at: 'timestamptz?', internal_notes: 'text?', ...stamps,
  },
  sales_order_lines: {
    id: 'uuid', tenant_id: 'uuid', order_id: 'uuid', line_number: 'integer', product_id: 'uuid?',
    quote_line_id: 'uuid?', description: 'text', specifications: 'jsonb', quantity: 'integer', unit_price: 'numeric',
    ...stamps,
  },
  order_status_events: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', order_id: 'uuid', from_status: 'text?', to_status: 'text',
    changed_by_user_id: 'uuid?', changed_by_role: 'text?', ...created,
  },
  proofs: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', order_id: 'uuid', order_line_id: 'uuid', version: 'integer',
    status: 'text', storage_key: 'text', file_name: 'text', staff_notes: 'text', published_by: 'uuid?',
    published_at: 'timestamptz', superseded_at: 'timestamptz?', locked_at: 'timestamptz?', decision_by: 'uuid?', decided_at: 'timestamptz?', decision_comment: 'text?',
    ...stamps,
  },
  artwork_files: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid', uploaded_by: 'uuid?', quote_id: 'uuid?', order_id: 'uuid?',
    order_line_id: 'uuid?', file_name: 'text', content_type: 'text', declared_size_bytes: 'integer',
    actual_size_bytes: 'integer?', sha256: 'text?', storage_key: 'text', status: 'text', scan_result: 'text?',
    rejection_reason: 'text?', uploaded_at: 'timestamptz?', scanned_at: 'timestamptz?', ...stamps,
  },
  customer_activity_log: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid?', user_id: 'uuid?', actor_role: 'text?', action: 'text',
    entity_type: 'text?', entity_id: 'uuid?', ip_address: 'inet?', user_agent: 'text?', details: 'jsonb', ...created,
  },
  notifications: {
    id: 'uuid', tenant_id: 'uuid', customer_id: 'uuid?', user_id: 'uuid?', template: 'text', recipient_email: 'text',
    subject: 'text', payload: 'jsonb', status: 'text', attempts: 'integer', last_error: 'text?',
    provider_message_id: 'text?', read_at: 'timestamptz?', sent_at: 'timestamptz?', ...stamps,
  },
} as const satisfies Record<string, ColumnTypes>;

export type TableName = keyof typeof TABLES;
export type RowFor<T extends TableName> = RowOf<(typeof TABLES)[T]>;

export type TenantRow = RowFor<'tenants'>;
export type CustomerRow = RowFor<'customers'>;
export type UserRow = RowFor<'customer_users'>;
export type IntegratorRow = RowFor<'integrator_clients'>;
export type ProductRow = RowFor<'products'>;
export type QuoteRow = RowFor<'quotes'>;
export type QuoteLineRow = RowFor<'quote_lines'>;
export type QuoteRevisionRow = RowFor<'quote_revisions'>;
export type QuoteAcceptanceRow = RowFor<'quote_acceptances'>;
export type OrderRow = RowFor<'sales_orders'>;
export type OrderLineRow = RowFor<'sales_order_lines'>;
export type OrderEventRow = RowFor<'order_status_events'>;
export type ProofRow = RowFor<'proofs'>;
export type ArtworkRow = RowFor<'artwork_files'>;
export type ActivityRow = RowFor<'customer_activity_log'>;
export type NotificationRow = RowFor<'notifications'>;
