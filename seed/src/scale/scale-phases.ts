import type pg from 'pg';
import { BATCH_SIZE, insertRows } from '../bulk-insert.ts';
import type { OrderEventRow, RowFor, TableName } from '../tables.ts';
import type { OrderHeader, QuoteHeader } from './scale-headers.ts';
import { orderExtras } from './scale-order-extras.ts';
import { eventRows, orderBundle } from './scale-orders.ts';
import { quoteExtras } from './scale-quote-extras.ts';
import { quoteRows } from './scale-quotes.ts';
import type { ScaleWorld } from './scale-world.ts';

type Counts = Record<string, number>;
type Rows = { [T in TableName]?: RowFor<T>[] };

/** Temporary home of the events, so they enter the real table in time order (event_number is the integrators' cursor). */
const EVENTS_TEMP_TABLE = 'seed_order_events';

async function flush(client: pg.ClientBase, rows: Rows, counts: Counts): Promise<void> {
  for (const [table, list] of Object.entries(rows) as [TableName, RowFor<TableName>[]][]) {
    if (list.length === 0) continue;
    const temp = table === 'order_status_events' ? EVENTS_TEMP_TABLE : undefined;
    counts[table] = (counts[table] ?? 0) + (await insertRows(client, table, list as never, temp));
  }
}

/** Generates rows for `items` one batch at a time and inserts them, so memory stays flat at any scale. */
async function inBatches<T>(
  client: pg.ClientBase,
  items: readonly T[],
  counts: Counts,
  generate: (item: T, rows: Rows) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const rows: Rows = {};
    for (const item of items.slice(start, start + BATCH_SIZE)) generate(item, rows);
    await flush(client, rows, counts);
  }
}

function push<T extends TableName>(rows: Rows, table: T, list: readonly RowFor<T>[]): void {
  ((rows[table] ??= []) as RowFor<T>[]).push(...list);
}

/** Phase 1: order headers. Their lines wait for the quotes' lines, which wait for these orders. */
export function insertOrders(
  client: pg.ClientBase,
  world: ScaleWorld,
  orders: readonly OrderHeader[],
  quotes: readonly QuoteHeader[],
  counts: Counts,
): Promise<void> {
  return inBatches(client, orders, counts, (header, rows) => {
    push(rows, 'sales_orders', [orderBundle(world, header, quotes).row]);
  });
}

/** Phase 2: quotes with their lines, revisions, acceptances (their orders exist), files, log entries and notifications. */
export function insertQuotes(
  client: pg.ClientBase,
  world: ScaleWorld,
  quotes: readonly QuoteHeader[],
  orderIds: readonly string[],
  counts: Counts,
): Promise<void> {
  return inBatches(client, quotes, counts, (header, rows) => {
    const { quote, lines, revisions, acceptances } = quoteRows(world, header, orderIds);
    const extras = quoteExtras(world, header);
    push(rows, 'quotes', [quote]);
    push(rows, 'quote_lines', lines);
    push(rows, 'quote_revisions', revisions);
    push(rows, 'quote_acceptances', acceptances);
    push(rows, 'artwork_files', extras.artwork);
    push(rows, 'customer_activity_log', extras.activity);
    push(rows, 'notifications', extras.notifications);
  });
}

/** Phase 3: each order's lines, status history, proofs, files, log entries and notifications. */
export async function insertOrderDetails(
  client: pg.ClientBase,
  world: ScaleWorld,
  orders: readonly OrderHeader[],
  quotes: readonly QuoteHeader[],
  counts: Counts,
): Promise<void> {
  await client.query(
    `create temporary table ${EVENTS_TEMP_TABLE} (
       id uuid, tenant_id uuid, customer_id uuid, order_id uuid, from_status text, to_status text,
       changed_by_user_id uuid, changed_by_role text, created_at timestamptz
     ) on commit drop`,
  );
  await inBatches(client, orders, counts, (header, rows) => {
    const bundle = orderBundle(world, header, quotes);
    const events: OrderEventRow[] = eventRows(world, bundle);
    const extras = orderExtras(world, bundle, events);
    push(rows, 'sales_order_lines', bundle.lines);
    push(rows, 'order_status_events', events);
    push(rows, 'proofs', extras.proofs);
    push(rows, 'artwork_files', extras.artwork);
    push(rows, 'customer_activity_log', extras.activity);
    push(rows, 'notifications', extras.notifications);
  });
  await client.query(
    `insert into public.order_status_events
       (id, tenant_id, customer_id, order_id, from_status, to_status, changed_by_user_id, changed_by_role, created_at)
     select id, tenant_id, customer_id, order_id, from_status, to_status, changed_by_user_id, changed_by_role, created_at
       from ${EVENTS_TEMP_TABLE} order by created_at, id`,
  );
}
